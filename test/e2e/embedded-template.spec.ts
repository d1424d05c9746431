import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { readTemplateManifest, templateKindFor } from '../../server/dist/database/embedded-template';
import { startServer, stopAllServers } from '../support/server-process';

const TEMPLATE_NOTE = "copied from the build's template";
const DEMO_TEMPLATE_NOTE = "with today's demo already seeded";
const SEEDED_NOTE = 'Seeded the demo portfolio';

/** `npm start` on a fresh machine: the first start copies a built template; the demo is there at once. */
describe('embedded first start from the build template', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-template-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (baseUrl: string, email: string, password: string): Promise<string> => {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    return login.headers.get('set-cookie')!.split(';')[0];
  };
  const get = async <T>(baseUrl: string, cookie: string, path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const office = DEMO_ACCOUNTS.find((a) => a.role === 'program_office')!;

  it('opens on the seeded and swept demo (published sign-ins work) and keeps it, unseeded again, after a restart', async () => {
    // `npm run build` seeds the demo template for its day; on another day the start seeds the demo itself.
    const fromDemoTemplate = templateKindFor(readTemplateManifest()!, true, new Date()) === 'demo';
    const env = { DATABASE_URL: undefined, SEED_DEMO: undefined, DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'info' };
    const first = await startServer(env, 240_000);
    expect(first.output()).toContain(TEMPLATE_NOTE);
    if (fromDemoTemplate) {
      expect(first.output()).toContain(DEMO_TEMPLATE_NOTE);
      expect(first.output()).not.toContain(SEEDED_NOTE);
    } else {
      expect(first.output()).not.toContain(DEMO_TEMPLATE_NOTE);
      expect(first.output()).toContain(SEEDED_NOTE);
    }
    const cookie = await signIn(first.baseUrl, office.email, office.password);
    const { total: pilots } = await get<{ total: number }>(first.baseUrl, cookie, '/api/pilots?pageSize=1');
    expect(pilots).toBe(64);
    // Swept before it serves: the planted stuck pilots are diagnosed already.
    const overview = await get<{ tiles: { stuckNow: number } }>(first.baseUrl, cookie, '/api/portfolio/overview');
    expect(overview.tiles.stuckNow).toBeGreaterThan(0);
    expect(await first.stop()).toBe(0);

    const second = await startServer(env, 240_000);
    try {
      expect(second.output()).not.toContain(TEMPLATE_NOTE);
      expect(second.output()).not.toContain(SEEDED_NOTE);
      const again = await signIn(second.baseUrl, office.email, office.password);
      expect((await get<{ total: number }>(second.baseUrl, again, '/api/pilots?pageSize=1')).total).toBe(pilots);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 600_000);

  it('starts empty from the bare schema template when the demo is turned off', async () => {
    const env = {
      DATABASE_URL: undefined, SEED_DEMO: 'false', DATA_DIR: join(dataDir, 'no-demo'), LOG_LEVEL: 'info',
      ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a long admin password',
    };
    const server = await startServer(env, 240_000);
    try {
      expect(server.output()).toContain(TEMPLATE_NOTE);
      expect(server.output()).not.toContain(DEMO_TEMPLATE_NOTE);
      const cookie = await signIn(server.baseUrl, 'admin@example.com', 'a long admin password');
      expect((await get<{ total: number }>(server.baseUrl, cookie, '/api/pilots?pageSize=1')).total).toBe(0);
      const login = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: office.email, password: office.password }),
      });
      expect(login.status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 600_000);
});
