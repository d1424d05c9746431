import { RECOMMENDATION_ACTIONS, SIGNAL_KINDS, UNDERWAY_STAGES } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { startTestApp, type TestApp } from './support/test-app';

/** Signs raised by time alone (pilot_timebox where the rules have it). */
const CALENDAR_KINDS = ['stalled_stage', 'over_timeline', 'pilot_timebox'];

/**
 * What the demo shows a program office after a sweep: which stuck signs it raises and what it
 * recommends. Printed so a change to the seed or the rules shows its effect on the whole portfolio.
 */
describe('flag distribution of the demo portfolio', () => {
  let t: TestApp;
  let flagsByKind: Record<string, { flags: number; pilots: number }>;
  let actions: Record<string, number>;
  let underway: number;
  let unflagged: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
    const kinds: { kind: string; flags: number; pilots: number }[] = await t.dataSource.query(
      `SELECT kind, count(*)::int AS flags, count(DISTINCT pilot_id)::int AS pilots FROM signal_flags WHERE status = 'open' GROUP BY kind`,
    );
    flagsByKind = Object.fromEntries(SIGNAL_KINDS.map((kind) => {
      const row = kinds.find((k) => k.kind === kind);
      return [kind, { flags: row?.flags ?? 0, pilots: row?.pilots ?? 0 }];
    }));
    const rows: { action: string; count: number }[] = await t.dataSource.query(
      `SELECT pd.action, count(*)::int AS count FROM pilot_diagnoses pd JOIN pilots p ON p.id = pd.pilot_id WHERE p.stage = ANY($1) GROUP BY pd.action`,
      [UNDERWAY_STAGES],
    );
    actions = Object.fromEntries(RECOMMENDATION_ACTIONS.map((action) => [action, rows.find((r) => r.action === action)?.count ?? 0]));
    underway = Object.values(actions).reduce((sum, n) => sum + n, 0);
    unflagged = (
      await t.dataSource.query(
        `SELECT p.name FROM pilots p WHERE p.stage = ANY($1) AND NOT EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') ORDER BY p.name`,
        [UNDERWAY_STAGES],
      )
    ).map((r: { name: string }) => r.name);
    const total = Object.values(flagsByKind).reduce((sum, k) => sum + k.flags, 0);
    console.log(
      [
        `Open flags by kind (${total} in all):`,
        ...Object.entries(flagsByKind).map(([kind, k]) => `  ${kind.padEnd(28)} ${String(k.flags).padStart(3)} flags on ${String(k.pilots).padStart(3)} pilots`),
        `Underway pilots by recommendation (${underway} in all):`,
        ...Object.entries(actions).map(([action, n]) => `  ${action.padEnd(28)} ${String(n).padStart(3)}`),
        `Underway pilots with no open flag (${unflagged.length}): ${unflagged.join('; ')}`,
      ].join('\n'),
    );
  });
  afterAll(() => t.close());

  it('raises repeated blockers on several pilots', () => {
    expect(flagsByKind.repeated_blocker.pilots).toBeGreaterThanOrEqual(5);
  });

  it('does not let the calendar rules make up most of the flags', () => {
    const total = Object.values(flagsByKind).reduce((sum, k) => sum + k.flags, 0);
    const calendar = CALENDAR_KINDS.reduce((sum, kind) => sum + (flagsByKind[kind]?.flags ?? 0), 0);
    expect(calendar * 2).toBeLessThan(total);
  });

  it('leaves some underway pilots without any flag', () => {
    expect(unflagged.length).toBeGreaterThanOrEqual(3);
  });

  it('dates the signs from the history, not from the sweep that raised them', async () => {
    const rows: { opened: string; since: string | null }[] = await t.dataSource.query(
      `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS opened, to_char(condition_since, 'YYYY-MM-DD') AS since FROM signal_flags WHERE status = 'open'`,
    );
    expect(rows.filter((r) => r.since === null)).toEqual([]);
    expect(rows.filter((r) => r.since! > r.opened)).toEqual([]);
    // The seed sweeps today, yet most conditions began weeks before.
    expect(rows.filter((r) => r.since! < r.opened).length * 2).toBeGreaterThan(rows.length);
  });

  it('recommends every action to some underway pilot', () => {
    for (const action of RECOMMENDATION_ACTIONS) expect({ action, pilots: actions[action] }).toEqual({ action, pilots: expect.any(Number) });
    expect(Object.entries(actions).filter(([, n]) => n === 0).map(([action]) => action)).toEqual([]);
  });
});
