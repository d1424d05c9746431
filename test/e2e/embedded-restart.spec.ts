import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopAllServers } from '../support/server-process';

/** The two-command promise: no DATABASE_URL means an embedded PostgreSQL persisted on disk. */
describe('embedded database across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-embedded-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in as the bootstrap admin and returns the session cookie. */
  const signIn = async (baseUrl: string): Promise<string> => {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'a long admin password' }),
    });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0];
  };

  it('keeps what was written after a graceful stop and start', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'false', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a long admin password' };
    const first = await startServer(env);
    const health = await (await fetch(`${first.baseUrl}/api/health`)).json();
    expect(health.database).toBe('embedded');
    const cookie = await signIn(first.baseUrl);
    const created = await fetch(`${first.baseUrl}/api/business-units`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ name: 'Persisted unit' }),
    });
    expect(created.status).toBe(201);
    const unit = await created.json();
    expect(await first.stop()).toBe(0);

    const second = await startServer(env);
    try {
      // The session signed before the restart still works: the signing key is kept beside the data.
      const read = await fetch(`${second.baseUrl}/api/business-units/${unit.id}`, { headers: { Cookie: cookie } });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: unit.id, name: 'Persisted unit' });
    } finally {
      expect(await second.stop()).toBe(0);
    }
    // Two starts of PGlite, the first a cold one (initdb in WASM): over a minute on a busy 2-core machine.
  }, 180_000);

  it('opens the database with the shared buffers EMBEDDED_SHARED_BUFFERS names (32MB by default)', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'false', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'a long admin password' };
    // The server's own database thread holds the only session; psql reaches it on the owner-only socket.
    const shown = (): string => execFileSync('psql', ['-h', join(dataDir, 'run'), '-U', 'postgres', '-d', 'postgres', '-Atc', 'SHOW shared_buffers'], { encoding: 'utf8' }).trim();
    const byDefault = await startServer(env);
    try {
      expect(shown()).toBe('32MB');
    } finally {
      expect(await byDefault.stop()).toBe(0);
    }
    const raised = await startServer({ ...env, EMBEDDED_SHARED_BUFFERS: '48MB' });
    try {
      expect(shown()).toBe('48MB');
    } finally {
      expect(await raised.stop()).toBe(0);
    }
  }, 180_000);
});
