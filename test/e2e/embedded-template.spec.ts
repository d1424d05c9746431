import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { startServer, stopAllServers } from '../support/server-process';

const TEMPLATE_NOTE = "copied from the build's template";

/** `npm start` on a fresh machine: the first start copies the built template, then seeds the demo once. */
describe('embedded first start from the build template', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-template-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const demoPilots = async (baseUrl: string): Promise<number> => {
    const office = DEMO_ACCOUNTS.find((a) => a.role === 'program_office')!;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: office.email, password: office.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const pilots = await fetch(`${baseUrl}/api/pilots?pageSize=1`, { headers: { Cookie: cookie } });
    expect(pilots.status).toBe(200);
    return ((await pilots.json()) as { total: number }).total;
  };

  it('seeds the demo (published sign-ins work) on the copied template and keeps it, unseeded again, after a restart', async () => {
    const env = { DATABASE_URL: undefined, SEED_DEMO: undefined, DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'info' };
    const first = await startServer(env, 240_000);
    expect(first.output()).toContain(TEMPLATE_NOTE);
    expect(first.output()).toContain('Seeded the demo portfolio');
    const pilots = await demoPilots(first.baseUrl);
    expect(pilots).toBeGreaterThan(0);
    expect(await first.stop()).toBe(0);

    const second = await startServer(env, 240_000);
    try {
      expect(second.output()).not.toContain(TEMPLATE_NOTE);
      expect(second.output()).not.toContain('Seeded the demo portfolio');
      expect(await demoPilots(second.baseUrl)).toBe(pilots);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 600_000);
});
