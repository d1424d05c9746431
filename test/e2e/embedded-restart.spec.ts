import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../support/server-process';

/** The two-command promise: no DATABASE_URL means an embedded PostgreSQL persisted on disk. */
describe('embedded database across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps what was written after a graceful stop and start', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'false' };
    const first = await startServer(env);
    const health = await (await fetch(`${first.baseUrl}/api/health`)).json();
    expect(health.database).toBe('embedded');
    const created = await fetch(`${first.baseUrl}/api/business-units`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Persisted unit' }),
    });
    expect(created.status).toBe(201);
    const unit = await created.json();
    expect(await first.stop()).toBe(0);

    const second = await startServer(env);
    try {
      const read = await fetch(`${second.baseUrl}/api/business-units/${unit.id}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: unit.id, name: 'Persisted unit' });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
