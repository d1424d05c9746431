/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and SQL rows of many shapes, only projected and compared here */
/**
 * The portfolio overview's floor: each chart's numbers by hand-written SQL over the whole portfolio
 * (no filter), side by side on the pool as the product runs its queries.
 */
import type { BenchContext, ReadCase } from './read-floors';

const FUNNEL = ['proposed', 'piloting', 'scaling', 'production'];
const BUCKETS: [number, number | null][] = [[0, 3], [3, 6], [6, 9], [9, 12], [12, 18], [18, null]];
const MONTHS = '(GREATEST(current_date - start_date, 0) / 30.44)';

/** Only non-zero counts, sorted: both sides fill zeroes differently. */
const counts = (entries: [string, number][]) => entries.filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b));

function project(o: any) {
  return {
    tiles: { ...o.tiles, byStage: counts(Object.entries(o.tiles.byStage)) },
    funnel: o.funnel.map((f: any) => [f.stage, f.reached, f.current]),
    health: o.healthOverTime.map((h: any) => [h.week, h.on_track, h.at_risk, h.off_track]),
    patterns: o.patternsByUnit.map((u: any) => [u.businessUnitId, counts(Object.entries(u.patterns))]),
    ages: o.timeInPilot.map((b: any) => counts(Object.entries(b.counts))),
    quarters: o.decisionsByQuarter.map((q: any) => [q.quarter, q.scale, q.pivot, q.kill, q.continue]),
    categories: o.blockerCategories.map((c: any) => [c.category, c.open, c.total, c.mentions]),
    oldest: o.oldestOpenBlockers.map((b: any) => [b.blockerId, b.pilotName, b.mentions]),
  };
}

export function overviewCase(c: BenchContext): ReadCase {
  return {
    name: 'overview',
    path: '/api/portfolio/overview',
    project,
    floor: async (pool) => {
      const q = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;
      const [stages, [tiles], reached, health, patterns, ages, quarters, categories, oldest] = await Promise.all([
        q(`SELECT stage, count(*)::int AS n FROM pilots GROUP BY stage`),
        q(`SELECT (SELECT count(DISTINCT pilot_id)::int FROM signal_flags WHERE status = 'open') AS stuck,
                  (SELECT count(*)::int FROM pilots p JOIN pilot_diagnoses pd ON pd.pilot_id = p.id WHERE p.stage = 'piloting'
                      AND (pd.action = 'scale' OR pd.readiness_score >= $1 OR EXISTS (SELECT 1 FROM signal_flags f
                           WHERE f.pilot_id = p.id AND f.status = 'open' AND f.kind = 'scale_question_unanswered'))) AS queue,
                  (SELECT count(*)::int FROM decisions WHERE decided_at >= date_trunc('quarter', now())) AS decisions,
                  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MONTHS}) FROM pilots WHERE stage IN ('piloting', 'scaling')) AS median`,
          [c.scaleReadinessMin]),
        q(`SELECT to_stage AS stage, count(DISTINCT pilot_id)::int AS n FROM stage_changes GROUP BY 1`),
        q(`SELECT week, count(*) FILTER (WHERE health = 'on_track')::int AS on_track, count(*) FILTER (WHERE health = 'at_risk')::int AS at_risk,
                  count(*) FILTER (WHERE health = 'off_track')::int AS off_track
             FROM weekly_updates WHERE week_start >= current_date - 364 GROUP BY week ORDER BY week`),
        q(`SELECT bu.id, bu.name, x->>'pattern' AS pattern, count(*)::int AS n
             FROM pilots p JOIN business_units bu ON bu.id = p.business_unit_id JOIN pilot_diagnoses pd ON pd.pilot_id = p.id, jsonb_array_elements(pd.patterns) x
            WHERE p.stage = ANY($1) GROUP BY 1, 2, 3 ORDER BY bu.name`, [c.underwayStages]),
        q(`SELECT CASE ${BUCKETS.map(([, hi], i) => (hi === null ? `ELSE ${i}` : `WHEN ${MONTHS} < ${hi} THEN ${i}`)).join(' ')} END AS bucket, complexity, count(*)::int AS n
             FROM pilots WHERE stage = ANY($1) GROUP BY 1, 2`, [c.underwayStages]),
        q(`SELECT to_char(decided_at, 'YYYY-"Q"Q') AS quarter, count(*) FILTER (WHERE kind = 'scale')::int AS scale, count(*) FILTER (WHERE kind = 'pivot')::int AS pivot,
                  count(*) FILTER (WHERE kind = 'kill')::int AS kill, count(*) FILTER (WHERE kind = 'continue')::int AS cont
             FROM decisions GROUP BY 1 ORDER BY 1`),
        q(`SELECT c.category, c.open, c.total, coalesce(m.n, 0)::int AS mentions
             FROM (SELECT category, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS total FROM blockers GROUP BY 1) c
             LEFT JOIN (SELECT b.category, count(*) AS n FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id GROUP BY 1) m ON m.category = c.category
            ORDER BY 4 DESC`),
        q(`SELECT b.id, p.name, (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS mentions
             FROM (SELECT * FROM blockers WHERE status = 'open' ORDER BY first_seen_week, id LIMIT 10) b JOIN pilots p ON p.id = b.pilot_id
            ORDER BY b.first_seen_week, b.id`),
      ]);
      const total = stages.reduce((sum: number, r: any) => sum + r.n, 0);
      const byStage = Object.fromEntries(stages.map((r: any) => [r.stage, r.n]));
      const units = new Map<string, [string, number][]>();
      for (const r of patterns) units.set(r.id, [...(units.get(r.id) ?? []), [r.pattern, r.n]]);
      return {
        tiles: {
          pilots: total,
          byStage: counts(Object.entries(byStage) as [string, number][]),
          stuckNow: tiles.stuck,
          inScaleQueue: tiles.queue,
          decisionsThisQuarter: tiles.decisions,
          medianMonthsInPilot: tiles.median === null ? null : Math.round(Number(tiles.median) * 10) / 10,
        },
        funnel: FUNNEL.map((stage, i) => [stage, i === 0 ? total : (reached.find((r: any) => r.stage === stage)?.n ?? 0), byStage[stage] ?? 0]),
        health: health.map((h: any) => [h.week, h.on_track, h.at_risk, h.off_track]),
        patterns: [...units].map(([unit, list]) => [unit, counts(list)]),
        ages: BUCKETS.map((_, i) => counts(ages.filter((r: any) => r.bucket === i).map((r: any) => [r.complexity, r.n]))),
        quarters: quarters.map((r: any) => [r.quarter, r.scale, r.pivot, r.kill, r.cont]),
        categories: categories.map((r: any) => [r.category, r.open, r.total, r.mentions]),
        oldest: oldest.map((r: any) => [r.id, r.name, r.mentions]),
      };
    },
  };
}
