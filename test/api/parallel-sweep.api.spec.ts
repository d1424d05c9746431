import { Client } from 'pg';
import type { SweepResult } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { SWEEP_LOCK_KEY } from '../../server/src/signals/analysis.service';
import { startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';

// Two server instances need two real database sessions: the embedded fallback is one session.
const onRealPostgres = process.env.LIFTOFF_EMBEDDED_TEST_URL ? describe.skip : describe;

onRealPostgres('portfolio sweep with two instances on one database', () => {
  let instances: TwoInstances;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ first, second } = instances);
    await first.app.get(DemoSeeder).seedIfEmpty();
  });
  afterAll(async () => {
    await instances?.close();
  });

  const sweepBoth = async (): Promise<SweepResult[]> =>
    (await Promise.all([first.http.post('/api/sweeps').expect(200), second.http.post('/api/sweeps').expect(200)])).map((r) => r.body);

  it('never opens the same flag twice when both sweep at once', async () => {
    for (let round = 0; round < 3; round++) {
      const results = await sweepBoth();
      expect(results.some((r) => r.ran)).toBe(true);
    }
    const duplicates = await first.dataSource.query(
      `SELECT pilot_id, kind, subject_key FROM signal_flags WHERE status = 'open' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const [{ open }] = await first.dataSource.query(`SELECT count(*)::int AS open FROM signal_flags WHERE status = 'open'`);
    expect(open).toBeGreaterThan(0);
  });

  it('skips while another instance holds the sweep lock, and runs once it is released', async () => {
    const holder = new Client({ connectionString: instances.database.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [SWEEP_LOCK_KEY]);
      const [a, b] = await sweepBoth();
      expect(a).toMatchObject({ ran: false, reason: 'another sweep is running' });
      expect(b).toMatchObject({ ran: false });
      await holder.query('COMMIT');
      const after = (await first.http.post('/api/sweeps').expect(200)).body;
      expect(after.ran).toBe(true);
    } finally {
      await holder.end();
    }
  });
});
