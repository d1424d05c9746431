import type { PortfolioOverview } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { WeeklyHealthCounts } from '../../server/src/portfolio/weekly-health-counts';
import { createBasicPortfolio, createPilot, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The overview's health over time comes from `weekly_health_counts`, which triggers keep as updates are
 * posted, edited, deleted and imported. After every kind of write its sums must equal a count of the
 * updates themselves, and so must the overview's chart, before and after the rows are folded.
 */
describe('kept weekly health counts', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  type Count = { week: string; health: string; n: number };
  const key = (rows: Count[]) => rows.map((r) => `${r.week} ${r.health} ${r.n}`).sort();
  const kept = async (): Promise<string[]> =>
    key(await t.dataSource.query(`SELECT week, health::text, sum(updates)::int AS n FROM weekly_health_counts GROUP BY 1, 2 HAVING sum(updates) <> 0`));
  const counted = async (): Promise<string[]> =>
    key(await t.dataSource.query(`SELECT week, health::text, count(*)::int AS n FROM weekly_updates GROUP BY 1, 2`));
  const expectInStep = async () => expect(await kept()).toEqual(await counted());

  /** The chart as the overview draws it against the same year counted from the updates. */
  const expectChartInStep = async () => {
    const overview: PortfolioOverview = (await t.http.get('/api/portfolio/overview').expect(200)).body;
    const rows: Count[] = await t.dataSource.query(
      `SELECT week, health::text, count(*)::int AS n FROM weekly_updates WHERE week_start >= current_date - 364 GROUP BY 1, 2`,
    );
    const chart = overview.healthOverTime.flatMap((w) => (['on_track', 'at_risk', 'off_track'] as const).filter((h) => w[h] > 0).map((h) => ({ week: w.week, health: h, n: w[h] })));
    expect(key(chart)).toEqual(key(rows));
    expect(overview.healthOverTime.map((w) => w.week)).toEqual([...overview.healthOverTime.map((w) => w.week)].sort());
  };

  it('start equal to the seeded updates, and the chart reads them', async () => {
    expect((await counted()).length).toBeGreaterThan(40);
    await expectInStep();
    await expectChartInStep();
  });

  it('follow posts, edits of health and week-keeping edits, and deletions', async () => {
    const pilot = await createPilot(t, { name: 'Counted pilot', businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
    const thisWeek = (await t.dataSource.query(`SELECT to_char(current_date, 'IYYY-"W"IW') AS w`))[0].w as string;
    const posted = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: thisWeek, health: 'on_track' }));
    await expectInStep();
    await t.http.patch(`/api/updates/${posted.id}`).send({ health: 'off_track', version: posted.version }).expect(200);
    await expectInStep();
    const edited = (await t.http.get(`/api/updates/${posted.id}`).expect(200)).body;
    await t.http.patch(`/api/updates/${posted.id}`).send({ summary: 'Only the words change', version: edited.version }).expect(200);
    await expectInStep();
    await expectChartInStep();
    // Deleting the pilot deletes its updates through the foreign key's cascade.
    await t.http.delete(`/api/pilots/${pilot.id}`).expect(204);
    await expectInStep();
    await expectChartInStep();
  });

  it('fold to one row per week and health, with the same sums', async () => {
    const before = await kept();
    const rows = await t.app.get(WeeklyHealthCounts).fold();
    const groups = (await t.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT DISTINCT week, health FROM weekly_updates) g`))[0].n;
    expect(rows).toBe(groups);
    expect(await kept()).toEqual(before);
    await expectInStep();
    await expectChartInStep();
  });

  it('empty with the updates when the table is truncated', async () => {
    await t.dataSource.transaction(async (manager) => {
      await manager.query('TRUNCATE weekly_updates CASCADE');
      expect(await manager.query('SELECT count(*)::int AS n FROM weekly_health_counts')).toEqual([{ n: 0 }]);
      // Leave the rest of the suite's data as it was.
      throw new Error('rollback');
    }).catch((error: Error) => expect(error.message).toBe('rollback'));
    await expectInStep();
  });
});
