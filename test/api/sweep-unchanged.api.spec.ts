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

  it('gives rows stored without a digest (before digests were kept) their digest only, once', async () => {
    const [flag] = await t.dataSource.query(`SELECT id, summary, evidence, last_seen_at FROM signal_flags WHERE status = 'open' ORDER BY id LIMIT 1`);
    const [diagnosis] = await t.dataSource.query(`SELECT pilot_id, recommendation, computed_at FROM pilot_diagnoses ORDER BY pilot_id LIMIT 1`);
    await t.dataSource.query(`UPDATE signal_flags SET digest = NULL WHERE id = $1`, [flag.id]);
    await t.dataSource.query(`UPDATE pilot_diagnoses SET digest = NULL WHERE pilot_id = $1`, [diagnosis.pilot_id]);
    await t.http.post('/api/sweeps').expect(200);
    const [storedFlag] = await t.dataSource.query(`SELECT summary, evidence, last_seen_at, digest FROM signal_flags WHERE id = $1`, [flag.id]);
    const [storedDiagnosis] = await t.dataSource.query(`SELECT recommendation, computed_at, digest FROM pilot_diagnoses WHERE pilot_id = $1`, [diagnosis.pilot_id]);
    // Same content and times as before: the run that last found them different is still the one recorded.
    expect(storedFlag).toEqual({ summary: flag.summary, evidence: flag.evidence, last_seen_at: flag.last_seen_at, digest: expect.any(String) });
    expect(storedDiagnosis).toEqual({ recommendation: diagnosis.recommendation, computed_at: diagnosis.computed_at, digest: expect.any(String) });
    const before = await versions();
    await t.http.post('/api/sweeps').expect(200);
    expect(await versions()).toEqual(before);
  });

  it('clears the digest of a row whose content another statement changed, so that the next sweep compares it again', async () => {
    const [flag] = await t.dataSource.query(`SELECT id, summary FROM signal_flags WHERE status = 'open' AND digest IS NOT NULL ORDER BY id LIMIT 1`);
    await t.dataSource.query(`UPDATE signal_flags SET summary = 'edited by hand' WHERE id = $1`, [flag.id]);
    const [edited] = await t.dataSource.query(`SELECT digest FROM signal_flags WHERE id = $1`, [flag.id]);
    expect(edited.digest).toBeNull();
    await t.http.post('/api/sweeps').expect(200);
    const [restored] = await t.dataSource.query(`SELECT summary, digest FROM signal_flags WHERE id = $1`, [flag.id]);
    expect(restored).toEqual({ summary: flag.summary, digest: expect.any(String) });
  });
});
