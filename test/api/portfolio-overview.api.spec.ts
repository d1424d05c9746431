import type { PortfolioOverview } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { startTestApp, type TestApp } from './support/test-app';

describe('portfolio overview aggregates', () => {
  let t: TestApp;
  let all: PortfolioOverview;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
    all = (await t.http.get('/api/portfolio/overview').expect(200)).body;
  });
  afterAll(() => t.close());

  it('counts tiles that agree with the pilot list', async () => {
    const total = (await t.http.get('/api/pilots?pageSize=1').expect(200)).body.total;
    expect(all.tiles.pilots).toBe(total);
    const scaling = (await t.http.get('/api/pilots?pageSize=1&stage=scaling').expect(200)).body.total;
    expect(all.tiles.byStage.scaling).toBe(scaling);
    expect(all.tiles.stuckNow).toBeGreaterThan(0);
    expect(all.tiles.inScaleQueue).toBe((await t.http.get('/api/scale-queue').expect(200)).body.total);
    expect(all.tiles.medianMonthsInPilot).toBeGreaterThan(0);
  });

  it('shapes a narrowing funnel and a year of weekly health', () => {
    const reached = all.funnel.map((f) => f.reached);
    expect(reached[0]).toBe(all.tiles.pilots);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]);
    expect(all.healthOverTime.length).toBeGreaterThan(40);
    expect(all.healthOverTime.length).toBeLessThanOrEqual(53);
    const last = all.healthOverTime.at(-1)!;
    expect(last.on_track + last.at_risk + last.off_track).toBeGreaterThan(0);
  });

  it('buckets active pilots against the timeline and lists old blockers', async () => {
    const bucketed = all.timeInPilot.reduce((sum, b) => sum + b.counts.best + b.counts.typical + b.counts.complex, 0);
    const active = all.tiles.byStage.proposed + all.tiles.byStage.piloting + all.tiles.byStage.scaling + all.tiles.byStage.paused;
    expect(bucketed).toBe(active);
    // The demo is dated back from now: no pilot starts after today, so none waits outside the chart.
    const [{ today }] = await t.dataSource.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
    expect((await t.http.get(`/api/pilots?pageSize=1&startedAfter=${today}`).expect(200)).body.total).toBe(0);
    expect(all.timelineBounds).toEqual({ best: 3, typical: 6, complex: 12 });
    const weeks = all.oldestOpenBlockers.map((b) => b.weeksOpen);
    expect(weeks).toEqual([...weeks].sort((a, b) => b - a));
    expect(all.oldestOpenBlockers.some((b) => /CRM API access/.test(b.text) && b.mentions >= 12)).toBe(true);
    expect(all.blockerCategories.find((c) => c.category === 'integration')!.mentions).toBeGreaterThan(10);
    expect(all.patternsByUnit.length).toBeGreaterThan(0);
  });

  it('filters every aggregate by unit, stage and sponsor', async () => {
    const unitId = all.patternsByUnit[0].businessUnitId;
    const unit: PortfolioOverview = (await t.http.get(`/api/portfolio/overview?businessUnitId=${unitId}`).expect(200)).body;
    expect(unit.tiles.pilots).toBe((await t.http.get(`/api/pilots?pageSize=1&businessUnitId=${unitId}`).expect(200)).body.total);
    expect(unit.patternsByUnit.map((u) => u.businessUnitId)).toEqual([unitId]);
    const piloting: PortfolioOverview = (await t.http.get('/api/portfolio/overview?stage=piloting').expect(200)).body;
    expect(piloting.tiles.pilots).toBe(piloting.tiles.byStage.piloting);
    const bad = await t.http.get('/api/portfolio/overview?stage=flying').expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('stage');
  });
});
