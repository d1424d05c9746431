import { UNDERWAY_STAGES } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { monthsInPilotSql } from '../../server/src/pilots/months-in-pilot';
import { TIME_BUCKETS } from '../../server/src/portfolio/portfolio-queries';
import { AnalysisService } from '../../server/src/signals/analysis.service';
import { startTestApp, type TestApp } from './support/test-app';

/** Tables the seeder fills and the analysis it feeds. */
const SEEDED = ['signal_flags', 'pilot_diagnoses', 'decisions', 'readiness_assessments', 'update_blockers', 'kpi_readings', 'weekly_updates', 'blockers', 'kpis', 'stage_changes', 'pilots'];
/** Every weekday of a week (Monday 30 November 2026 on) just after midnight and at noon UTC, and two of them just before midnight. */
const MONDAY = Date.parse('2026-11-30T00:00:00Z');
const at = (day: number, ms: number) => new Date(MONDAY + day * 86_400_000 + ms);
const FIXED_NOWS = [
  ...Array.from({ length: 7 }, (_, day) => [at(day, 30_000), at(day, 12 * 3_600_000)]).flat(),
  at(2, 86_370_000),
  at(6, 86_370_000),
  // Month ends and a leap day, where "three months ago" is not always 13 weeks ago.
  ...['2027-03-01T09:00:00Z', '2027-05-31T18:00:00Z', '2028-02-29T06:00:00Z'].map((iso) => new Date(iso)),
];

interface Signature {
  /** Per pilot: its open flag kinds, recommendation, patterns and readiness score. */
  pilots: Record<string, string>;
  /** Underway pilots per time-in-pilot bucket, with the overview's expression at that day. */
  buckets: number[];
  underway: number;
}

/**
 * The demo seeded and swept at many fixed instants shows the same portfolio every time: the suites
 * that seed it at the real now (overview, diagnosis, scale queue, distribution) see what these see,
 * whatever the weekday or the hour they run at.
 */
describe('the demo seeded on any day at any hour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const seedAt = async (now: Date): Promise<void> => {
    // Everything that hangs off a pilot goes with it, tables added later included. The decision log and the
    // audit trail refuse TRUNCATE; a superuser may switch triggers off for its own transaction (the app's role may not).
    await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('TRUNCATE pilots CASCADE');
    });
    await t.dataSource.query(`DELETE FROM people WHERE email NOT LIKE 'test-%'`);
    await t.dataSource.query('DELETE FROM business_units');
    expect(await t.app.get(DemoSeeder).seedIfEmpty({ now })).toBe(true);
    const sweep = await t.app.get(AnalysisService).sweep(now);
    expect(sweep.ran).toBe(true);
  };

  /** Every seeded instant or date later than `now` (a decision's next review is planned ahead on purpose). */
  const datedAfter = async (now: Date): Promise<string[]> => {
    const columns: { table_name: string; column_name: string; data_type: string }[] = await t.dataSource.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp with time zone') AND table_name = ANY($1) AND column_name <> 'next_review_date'`,
      [[...SEEDED.filter((table) => table !== 'signal_flags' && table !== 'pilot_diagnoses'), 'people', 'business_units']],
    );
    const late: string[] = [];
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const bound = type === 'date' ? `$1::timestamptz::date` : `$1::timestamptz`;
      const harness = table === 'people' ? ` AND email NOT LIKE 'test-%'` : ''; // the suite's own account is made at the real now
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM "${table}" WHERE "${column}" > ${bound}${harness}`, [now.toISOString()]);
      if (count > 0) late.push(`${table}.${column}: ${count}`);
    }
    return late;
  };

  const signature = async (now: Date): Promise<Signature> => {
    const rows: { name: string; kinds: string | null; action: string; patterns: string | null; score: number }[] = await t.dataSource.query(
      `SELECT p.name,
              (SELECT string_agg(f.kind::text, ',' ORDER BY f.kind) FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') AS kinds,
              pd.action, pd.readiness_score AS score,
              (SELECT string_agg(x->>'pattern', ',' ORDER BY x->>'pattern') FROM jsonb_array_elements(pd.patterns) x) AS patterns
         FROM pilots p JOIN pilot_diagnoses pd ON pd.pilot_id = p.id ORDER BY p.name`,
    );
    const months = monthsInPilotSql('start_date', '$1::date');
    const buckets = await Promise.all(
      TIME_BUCKETS.map(async ({ from, to }) => {
        const [{ count }] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM pilots WHERE stage = ANY($2) AND ${months} >= $3 AND ($4::numeric IS NULL OR ${months} < $4)`,
          [now.toISOString().slice(0, 10), UNDERWAY_STAGES, from, to],
        );
        return count as number;
      }),
    );
    const [{ underway }] = await t.dataSource.query('SELECT count(*)::int AS underway FROM pilots WHERE stage = ANY($1)', [UNDERWAY_STAGES]);
    return {
      pilots: Object.fromEntries(rows.map((r) => [r.name, `flags [${r.kinds ?? ''}] ${r.action} ${r.score} patterns [${r.patterns ?? ''}]`])),
      buckets,
      underway,
    };
  };

  it('dates nothing after now, and finds the same flags, diagnoses and time-in-pilot counts every time', async () => {
    let first: Signature | null = null;
    for (const now of [...FIXED_NOWS, new Date()]) {
      await seedAt(now);
      expect({ now: now.toISOString(), late: await datedAfter(now) }).toEqual({ now: now.toISOString(), late: [] });
      const seen = await signature(now);
      expect(seen.buckets.reduce((sum, n) => sum + n, 0)).toBe(seen.underway);
      if (!first) first = seen;
      else expect({ now: now.toISOString(), ...seen }).toEqual({ now: now.toISOString(), ...first });
    }
    expect(Object.keys(first!.pilots).length).toBeGreaterThanOrEqual(60);
  }, 180_000);
});
