import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

/** A sweep over data that did not change writes no row; a flag or diagnosis that differs is rewritten. */
describe('sweep over unchanged data', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, db);
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  // xmin changes whenever a row is rewritten, even with the same values.
  const versions = async () => {
    const flags: { id: string; xmin: string }[] = await t.dataSource.query(`SELECT id, xmin::text FROM signal_flags ORDER BY id`);
    const diagnoses: { pilot_id: string; xmin: string }[] = await t.dataSource.query(`SELECT pilot_id, xmin::text FROM pilot_diagnoses ORDER BY pilot_id`);
    return { flags: new Map(flags.map((r) => [r.id, r.xmin])), diagnoses: new Map(diagnoses.map((r) => [r.pilot_id, r.xmin])) };
  };

  it('rewrites no flag and no diagnosis when nothing changed', async () => {
    const before = await versions();
    expect(before.flags.size).toBeGreaterThan(0);
    expect(before.diagnoses.size).toBeGreaterThan(0);
    const result = (await t.http.post('/api/sweeps').expect(200)).body;
    expect(result).toMatchObject({ ran: true, flagsOpened: 0, flagsResolved: 0 });
    expect(await versions()).toEqual(before);
  });

  it('rewrites exactly the flag and the diagnosis whose stored content differs from the analysis', async () => {
    const [flag] = await t.dataSource.query(`SELECT id, summary, evidence FROM signal_flags WHERE status = 'open' ORDER BY id LIMIT 1`);
    const [diagnosis] = await t.dataSource.query(`SELECT pilot_id, readiness_score FROM pilot_diagnoses ORDER BY pilot_id LIMIT 1`);
    await t.dataSource.query(`UPDATE signal_flags SET summary = 'stale words', evidence = '{}' WHERE id = $1`, [flag.id]);
    await t.dataSource.query(`UPDATE pilot_diagnoses SET readiness_score = readiness_score + 1 WHERE pilot_id = $1`, [diagnosis.pilot_id]);
    const before = await versions();
    await t.http.post('/api/sweeps').expect(200);
    const after = await versions();
    const changedFlags = [...after.flags].filter(([id, xmin]) => before.flags.get(id) !== xmin).map(([id]) => id);
    const changedDiagnoses = [...after.diagnoses].filter(([id, xmin]) => before.diagnoses.get(id) !== xmin).map(([id]) => id);
    expect(changedFlags).toEqual([flag.id]);
    expect(changedDiagnoses).toEqual([diagnosis.pilot_id]);
    const [restored] = await t.dataSource.query(`SELECT summary, evidence FROM signal_flags WHERE id = $1`, [flag.id]);
    expect(restored).toEqual({ summary: flag.summary, evidence: flag.evidence });
    const [score] = await t.dataSource.query(`SELECT readiness_score FROM pilot_diagnoses WHERE pilot_id = $1`, [diagnosis.pilot_id]);
    expect(score.readiness_score).toBe(diagnosis.readiness_score);
  });
});
