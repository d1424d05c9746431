import { STAGES } from '@liftoff/shared';
import { DEMO_OPTIONS, LARGE_OPTIONS, generatePortfolio } from './portfolio-generator';

const today = new Date('2026-11-25T12:00:00Z');

describe('generatePortfolio', () => {
  const demo = generatePortfolio({ ...DEMO_OPTIONS, today });

  it('is deterministic for the same seed and day', () => {
    expect(generatePortfolio({ ...DEMO_OPTIONS, today })).toEqual(demo);
  });

  it('differs for another seed', () => {
    expect(generatePortfolio({ ...DEMO_OPTIONS, seed: 1, today }).pilots[10]).not.toEqual(demo.pilots[10]);
  });

  it('makes about 60 pilots over 6 units with every stage represented', () => {
    expect(demo.business_units).toHaveLength(6);
    expect(demo.pilots.length).toBeGreaterThanOrEqual(60);
    expect(demo.pilots.length).toBeLessThanOrEqual(70);
    const stages = new Set(demo.pilots.map((p) => p.stage));
    for (const stage of STAGES) expect(stages).toContain(stage);
  });

  it('keeps every update within a year and one per pilot and week', () => {
    const keys = demo.weekly_updates.map((u) => `${u.pilot_id}/${u.week}`);
    expect(new Set(keys).size).toBe(keys.length);
    const perPilot = new Map<unknown, number>();
    for (const u of demo.weekly_updates) perPilot.set(u.pilot_id, (perPilot.get(u.pilot_id) ?? 0) + 1);
    expect(Math.max(...perPilot.values())).toBeLessThanOrEqual(53);
    for (const u of demo.weekly_updates) {
      expect(u.confidence).toBeGreaterThanOrEqual(1);
      expect(u.confidence).toBeLessThanOrEqual(5);
      expect(u.active_users_outside_team as number).toBeLessThanOrEqual(u.active_users as number);
    }
  });

  it('plants the six stuck stories', () => {
    const byName = (name: string) => demo.pilots.find((p) => p.name === name)!;
    expect(byName('Contract review assistant (Legal)').sponsor_id).toBeNull();
    const repeated = byName('Call summarisation for claims');
    const blocker = demo.blockers.find((b) => b.pilot_id === repeated.id && b.category === 'integration')!;
    expect(demo.update_blockers.filter((ub) => ub.blocker_id === blocker.id).length).toBeGreaterThanOrEqual(12);
    const enthusiasts = byName('Field service knowledge bot');
    const shares = demo.weekly_updates.filter((u) => u.pilot_id === enthusiasts.id).map((u) => (u.active_users_outside_team as number) / (u.active_users as number));
    expect(Math.max(...shares)).toBeLessThan(0.2);
    const unclear = byName('Inventory demand forecast v2');
    expect(demo.kpis.filter((k) => k.pilot_id === unclear.id).every((k) => k.baseline === null)).toBe(true);
    const costly = byName('Product description writer (all SKUs)');
    expect(costly.annual_value_at_scale as number).toBeLessThan(costly.cost_to_scale as number);
    expect(byName('Expense audit automation').stage_entered_at as string < '2026-03-01').toBe(true);
  });

  it('links pivoted pilots to their successors', () => {
    const pivoted = demo.pilots.filter((p) => p.stage === 'pivoted');
    expect(pivoted.length).toBeGreaterThan(0);
    for (const p of pivoted) expect(demo.pilots.some((child) => child.pivoted_from_id === p.id)).toBe(true);
  });

  it('gives every pilot exactly the uniform number of weeks in the benchmark shape', () => {
    const large = generatePortfolio({ ...LARGE_OPTIONS, pilots: 20, today });
    expect(large.pilots).toHaveLength(20);
    expect(large.weekly_updates).toHaveLength(20 * 104);
  });
});
