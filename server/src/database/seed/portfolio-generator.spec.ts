import { STAGES, findMatchingBlocker, type BlockerCategory } from '@liftoff/shared';
import { REWORDED_BLOCKERS } from './demo-catalog';
import { steadyWeeks } from './demo-clock';
import { DEMO_OPTIONS, LARGE_OPTIONS, generatePortfolio, type PortfolioRows, type Row } from './portfolio-generator';

const now = new Date('2026-11-25T12:00:00Z');
/** Every weekday of a week (Monday 30 November 2026 on), just after midnight, at noon and just before midnight UTC. */
const MONDAY = Date.parse('2026-11-30T00:00:00Z');
const NOWS = Array.from({ length: 7 }, (_, day) => [1_000, 12 * 3_600_000, 86_399_000].map((ms) => new Date(MONDAY + day * 86_400_000 + ms))).flat();

/** Every instant and date a seeded row carries. */
function datesOf(rows: PortfolioRows): { table: string; column: string; value: string }[] {
  const found: { table: string; column: string; value: string }[] = [];
  const skip = new Set(['next_review_date']); // a review is planned ahead by design
  for (const [table, tableRows] of Object.entries(rows) as [string, Row[]][]) {
    for (const row of tableRows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !skip.has(column)) found.push({ table, column, value });
      }
    }
  }
  return found;
}

describe('generatePortfolio', () => {
  const demo = generatePortfolio({ ...DEMO_OPTIONS, now });
  const byName = (name: string) => {
    const pilot = demo.pilots.find((p) => p.name === name);
    if (!pilot) throw new Error(`no pilot named ${name}`);
    return pilot;
  };
  const updatesOf = (pilot: Row) => demo.weekly_updates.filter((u) => u.pilot_id === pilot.id);

  it('is deterministic for the same seed and instant', () => {
    expect(generatePortfolio({ ...DEMO_OPTIONS, now })).toEqual(demo);
  });

  it('differs for another seed', () => {
    expect(generatePortfolio({ ...DEMO_OPTIONS, seed: 1, now }).pilots[10]).not.toEqual(demo.pilots[10]);
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

  it.each(NOWS.map((at) => [at.toISOString(), at]))('dates nothing after now when seeded at %s', (_label, at) => {
    const rows = generatePortfolio({ ...DEMO_OPTIONS, now: at });
    const late = datesOf(rows).filter(({ value }) => (value.length === 10 ? value > at.toISOString().slice(0, 10) : Date.parse(value) > at.getTime()));
    expect(late).toEqual([]);
    // Each update is written in the week it reports on.
    for (const u of rows.weekly_updates) expect((u.created_at as string) >= (u.week_start as string)).toBe(true);
  });

  it('seeds the same ages in days on every weekday and at any hour', () => {
    const ages = (at: Date) => {
      const rows = generatePortfolio({ ...DEMO_OPTIONS, now: at });
      const day = (value: string) => Math.round((Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - Date.parse(value.slice(0, 10))) / 86_400_000);
      return rows.pilots.map((p) => [p.name, day(p.start_date as string), day(p.stage_entered_at as string)]);
    };
    const first = ages(NOWS[0]);
    for (const at of NOWS.slice(1)) expect(ages(at)).toEqual(first);
  });

  it('avoids week counts whose whole months depend on the date', () => {
    expect(steadyWeeks(12)).toBe(12);
    expect(steadyWeeks(13)).toBe(14); // 91 days: three months from 1 September, two from 1 March
    const weeksAgo = (value: string) => Math.round((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(value.slice(0, 10))) / 604_800_000);
    for (const p of demo.pilots) {
      for (const column of ['start_date', 'stage_entered_at']) {
        const weeks = weeksAgo(p[column] as string);
        expect({ pilot: p.name, column, weeks: steadyWeeks(weeks) }).toEqual({ pilot: p.name, column, weeks });
      }
    }
  });

  it('plants the six stuck stories', () => {
    expect(byName('Contract review assistant (Legal)').sponsor_id).toBeNull();
    const repeated = byName('Call summarisation for claims');
    const blocker = demo.blockers.find((b) => b.pilot_id === repeated.id && b.category === 'integration')!;
    expect(blocker.text).toMatch(/CRM API access/);
    expect(demo.update_blockers.filter((ub) => ub.blocker_id === blocker.id).length).toBeGreaterThanOrEqual(12);
    const shares = updatesOf(byName('Field service knowledge bot')).map((u) => (u.active_users_outside_team as number) / (u.active_users as number));
    expect(Math.max(...shares)).toBeLessThan(0.2);
    const unclear = byName('Inventory demand forecast v2');
    expect(demo.kpis.filter((k) => k.pilot_id === unclear.id).every((k) => k.baseline === null)).toBe(true);
    const costly = byName('Product description writer (all SKUs)');
    expect(costly.annual_value_at_scale as number).toBeLessThan(costly.cost_to_scale as number);
    expect((byName('Expense audit automation').stage_entered_at as string) < '2026-03-01').toBe(true);
  });

  it('rewords a blocker week to week on several pilots, every wording linked by the matcher to the first', () => {
    for (const { category, wordings } of Object.values(REWORDED_BLOCKERS)) {
      const register = [{ id: 'first', text: wordings[0], category }];
      for (const wording of wordings) expect({ wording, match: findMatchingBlocker(wording, undefined, register)?.id }).toEqual({ wording, match: 'first' });
      expect(new Set(wordings).size).toBe(wordings.length);
    }
    const reworded = demo.blockers.filter((b) => Object.values(REWORDED_BLOCKERS).some((r) => r.wordings[0] === b.text));
    const pilots = new Set(reworded.filter((b) => demo.update_blockers.filter((ub) => ub.blocker_id === b.id).length >= 3).map((b) => b.pilot_id));
    expect(pilots.size).toBeGreaterThanOrEqual(5);
    // No other open blocker of the same pilot is one of its stories said again.
    for (const story of reworded.filter((b) => b.status === 'open')) {
      const { wordings } = Object.values(REWORDED_BLOCKERS).find((r) => r.wordings[0] === story.text)!;
      const others = demo.blockers.filter((b) => b.pilot_id === story.pilot_id && b.id !== story.id && b.status === 'open').map((b) => ({ id: b.id as string, text: b.text as string, category: b.category as BlockerCategory }));
      for (const wording of wordings) expect({ wording, match: findMatchingBlocker(wording, undefined, others) }).toEqual({ wording, match: null });
    }
    // The lead's words differ from week to week in the updates.
    const claims = updatesOf(byName('Call summarisation for claims')).slice(-4).map((u) => u.summary);
    expect(new Set(claims).size).toBe(4);
    expect(claims.every((summary) => /Blocker: .*CRM/.test(summary as string))).toBe(true);
  });

  it('stalls pilots in several ways at once', () => {
    const coaching = byName('Sales call coaching assistant');
    expect(coaching.sponsor_id).toBeNull();
    expect(demo.blockers.filter((b) => b.pilot_id === coaching.id && b.status === 'open').length).toBeGreaterThanOrEqual(1);
    const onboarding = byName('Supplier onboarding automation');
    expect(demo.blockers.filter((b) => b.pilot_id === onboarding.id && b.status === 'open').length).toBeGreaterThanOrEqual(2);
  });

  it('pauses a pilot and resumes it, with no updates while paused', () => {
    const kyc = byName('KYC document checker (Retail banking)');
    const moves = demo.stage_changes.filter((c) => c.pilot_id === kyc.id).map((c) => c.to_stage);
    expect(moves).toEqual(['proposed', 'piloting', 'paused', 'piloting']);
    const [paused, resumed] = demo.stage_changes.filter((c) => c.pilot_id === kyc.id).slice(2).map((c) => c.changed_at as string);
    const during = updatesOf(kyc).filter((u) => (u.created_at as string) > paused && (u.created_at as string) < resumed);
    expect(during).toEqual([]);
    const assessed = demo.readiness_assessments.filter((r) => r.pilot_id === kyc.id).map((r) => r.assessed_at as string);
    expect(assessed.filter((at) => at > paused && at < resumed)).toEqual([]);
    expect(updatesOf(kyc).length).toBeGreaterThan(15);
    expect(kyc.stage).toBe('piloting');
  });

  it('keeps a busy pilot green for months with nothing moving', () => {
    const busy = byName('Sales playbook Q&A assistant');
    const updates = updatesOf(busy);
    expect(updates.length).toBeGreaterThanOrEqual(20);
    expect(updates.filter((u) => u.health === 'on_track').length / updates.length).toBeGreaterThan(0.75);
    expect(demo.stage_changes.filter((c) => c.pilot_id === busy.id).map((c) => c.to_stage)).toEqual(['proposed', 'piloting']);
    const [before, latest] = demo.readiness_assessments.filter((a) => a.pilot_id === busy.id).map((a) => a.answers);
    expect(latest).toEqual(before);
    for (const kpi of demo.kpis.filter((k) => k.pilot_id === busy.id)) {
      const readings = demo.kpi_readings.filter((r) => r.kpi_id === kpi.id).map((r) => r.value as number);
      const gap = Math.abs((kpi.target as number) - (kpi.baseline as number));
      expect(Math.max(...readings.map((v) => Math.abs(v - (kpi.baseline as number))))).toBeLessThan(Math.max(1.5, gap * 0.2));
      const better = kpi.direction === 'higher_is_better' ? 1 : -1;
      expect(better * readings[readings.length - 1]).toBeLessThanOrEqual(better * readings[readings.length - 9]);
    }
  });

  it('plants a pilot whose economics fail and healthy pilots with nothing to flag', () => {
    expect(byName('Travel receipt checker')).toMatchObject({ annual_value_at_scale: 50_000, cost_to_scale: 400_000 });
    for (const name of ['Meeting minutes drafter (Finance)', 'Supplier invoice matching (AP)', 'Test case generator (Payments)', 'Code review helper (Platform)']) {
      const pilot = byName(name);
      expect(demo.blockers.filter((b) => b.pilot_id === pilot.id)).toEqual([]);
      expect(updatesOf(pilot).every((u) => !u.scale_question_asked && !u.resources_redirected)).toBe(true);
    }
    // The textbook candidate holds its targets over its latest readings, not for one lucky week.
    const ready = byName('Code review helper (Platform)');
    const latestUpdates = new Set(updatesOf(ready).slice(-3).map((u) => u.id));
    for (const kpi of demo.kpis.filter((k) => k.pilot_id === ready.id)) {
      const better = kpi.direction === 'higher_is_better' ? 1 : -1;
      const latest = demo.kpi_readings.filter((r) => r.kpi_id === kpi.id && latestUpdates.has(r.update_id)).map((r) => r.value as number);
      expect(latest).toHaveLength(3);
      for (const value of latest) expect(better * value).toBeGreaterThanOrEqual(better * (kpi.target as number));
    }
  });

  it('leaves no open blocker on a pilot that reached production', () => {
    const production = new Set(demo.pilots.filter((p) => p.stage === 'production').map((p) => p.id));
    expect(production.size).toBeGreaterThan(2);
    expect(demo.blockers.filter((b) => production.has(b.pilot_id) && b.status === 'open')).toEqual([]);
  });

  it('links pivoted pilots to their successors', () => {
    const pivoted = demo.pilots.filter((p) => p.stage === 'pivoted');
    expect(pivoted.length).toBeGreaterThan(0);
    for (const p of pivoted) expect(demo.pilots.some((child) => child.pivoted_from_id === p.id)).toBe(true);
  });

  it('gives every pilot exactly the uniform number of weeks in the benchmark shape', () => {
    const large = generatePortfolio({ ...LARGE_OPTIONS, pilots: 20, now });
    expect(large.pilots).toHaveLength(20);
    expect(large.weekly_updates).toHaveLength(20 * 104);
  });
});
