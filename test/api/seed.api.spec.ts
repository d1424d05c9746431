import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { startTestApp } from './support/test-app';

const TABLES = ['business_units', 'people', 'pilots', 'stage_changes', 'kpis', 'blockers', 'weekly_updates', 'kpi_readings', 'update_blockers', 'readiness_assessments', 'decisions'];
const now = new Date('2026-11-25T12:00:00Z');

/** A fingerprint of every seeded table's full contents. */
async function fingerprint(seedOnce: (t: Awaited<ReturnType<typeof startTestApp>>) => Promise<void>): Promise<Record<string, string>> {
  const t = await startTestApp();
  try {
    await seedOnce(t);
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      const order = table === 'update_blockers' ? 'update_id, blocker_id' : 'id';
      // Password hashes carry a random salt by design, and the harness adds its own test account.
      const [{ hash }] = await t.dataSource.query(`SELECT md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' ORDER BY ${order}), '')) AS hash FROM "${table}" t ${table === 'people' ? "WHERE email NOT LIKE 'test-%'" : ''}`);
      result[table] = hash;
    }
    return result;
  } finally {
    await t.close();
  }
}

describe('demo seed in the database', () => {
  it('gives identical data on two runs, and seeds only an empty database', async () => {
    let secondCall: boolean | undefined;
    const first = await fingerprint(async (t) => {
      expect(await t.app.get(DemoSeeder).seedIfEmpty({ now })).toBe(true);
      secondCall = await t.app.get(DemoSeeder).seedIfEmpty({ now });
    });
    const second = await fingerprint(async (t) => {
      await t.app.get(DemoSeeder).seedIfEmpty({ now });
    });
    expect(secondCall).toBe(false);
    expect(second).toEqual(first);
  });

  it('serves the seeded portfolio through the API', async () => {
    const t = await startTestApp();
    try {
      await t.app.get(DemoSeeder).seedIfEmpty({ now });
      const res = await t.http.get('/api/pilots?pageSize=100').expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(60);
      const units = await t.http.get('/api/business-units').expect(200);
      expect(units.body).toHaveLength(6);
    } finally {
      await t.close();
    }
  });
});
