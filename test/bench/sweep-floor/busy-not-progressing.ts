/**
 * Floor of `busy_not_progressing`: over a piloting or scaling pilot's latest N updates, at least
 * the share `busyOnTrackShareMin` on track, and since the Monday of the first of them no forward
 * stage move, no readiness test improved and no KPI moved toward its target (see the rule's file
 * for each of the three; `kpiMovedSince` for the KPIs).
 */
import { READINESS_TESTS } from '@liftoff/shared';
import { ACTIVE, stageOrder, threshold, type RuleFloor } from './common';

const rank = (answer: string) => `CASE ${answer} WHEN 'pass' THEN 3 WHEN 'partial' THEN 2 WHEN 'fail' THEN 1 ELSE 0 END`;
const TESTS = `ARRAY[${READINESS_TESTS.map((t) => `'${t}'`).join(', ')}]`;
const at = (v: string) => `(k.sign * ${v} >= k.sign * k.target AND k.sign * ${v} >= k.sign * k.baseline)`;

export const busyNotProgressingFloor: RuleFloor = {
  kind: 'busy_not_progressing',
  sql: `
WITH win AS (
  SELECT p.id AS pilot_id, p.stage_entered_at, min(w.week_start) AS from_day, count(*) AS n,
         count(*) FILTER (WHERE w.health = 'on_track') AS on_track
    FROM pilots p
    CROSS JOIN LATERAL (SELECT week_start, health FROM weekly_updates u WHERE u.pilot_id = p.id
                         ORDER BY week DESC LIMIT ${threshold('busyNotProgressingUpdates')}::int) w
   WHERE ${ACTIVE}
   GROUP BY p.id
  HAVING count(*) >= ${threshold('busyNotProgressingUpdates')}
     AND count(*) FILTER (WHERE w.health = 'on_track')::float8 / count(*)::float8 >= ${threshold('busyOnTrackShareMin')}
),
busy AS (
  SELECT win.*, win.from_day::timestamp AT TIME ZONE 'UTC' AS from_ts FROM win
),
advanced AS (
  SELECT b.pilot_id FROM busy b
   WHERE EXISTS (SELECT 1 FROM stage_changes c
                  WHERE c.pilot_id = b.pilot_id AND c.changed_at >= b.from_ts AND c.from_stage IS NOT NULL
                    AND ${stageOrder('c.from_stage')} >= 0 AND ${stageOrder('c.to_stage')} > ${stageOrder('c.from_stage')})
      OR (NOT EXISTS (SELECT 1 FROM stage_changes c WHERE c.pilot_id = b.pilot_id) AND b.stage_entered_at >= b.from_ts)
),
improved AS (
  -- Assessments in (assessed_at, id) order: the reference is the last one before the window (a
  -- prefix, so its position is how many came before) or else the first; it must not be the latest.
  SELECT pilot_id FROM (
    SELECT a.pilot_id, count(*) AS total, greatest(count(*) FILTER (WHERE a.assessed_at < b.from_ts), 1) AS ref_pos,
           array_agg(a.answers ORDER BY a.assessed_at, a.id) AS answers
      FROM readiness_assessments a JOIN busy b ON b.pilot_id = a.pilot_id
     GROUP BY a.pilot_id) s
   WHERE total >= 2 AND ref_pos <> total
     AND EXISTS (SELECT 1 FROM unnest(${TESTS}) t(test)
                  WHERE ${rank("answers[total] -> t.test ->> 'answer'")} > ${rank("answers[ref_pos] -> t.test ->> 'answer'")})
),
candidates AS (
  SELECT b.* FROM busy b
   WHERE b.pilot_id NOT IN (SELECT pilot_id FROM advanced) AND b.pilot_id NOT IN (SELECT pilot_id FROM improved)
),
kpi_readings_of AS (
  SELECT k.id, k.pilot_id, k.baseline::float8 AS baseline, k.target::float8 AS target,
         CASE WHEN k.direction = 'higher_is_better' THEN 1 ELSE -1 END AS sign,
         count(*) AS n,
         (array_agg(r.value::float8 ORDER BY u.week_start DESC))[1:3] AS last3,
         (array_agg(r.value::float8 ORDER BY u.week_start DESC) FILTER (WHERE u.week_start < c.from_day))[1] AS before_v,
         (array_agg(r.value::float8 ORDER BY u.week_start) FILTER (WHERE u.week_start >= c.from_day))[1] AS inside_v
    FROM candidates c JOIN kpis k ON k.pilot_id = c.pilot_id
    JOIN kpi_readings r ON r.kpi_id = k.id JOIN weekly_updates u ON u.id = r.update_id AND u.pilot_id = c.pilot_id
   WHERE k.baseline IS NOT NULL AND k.target IS NOT NULL
   GROUP BY k.id, k.pilot_id, c.from_day
),
moving AS (
  SELECT k.pilot_id FROM kpi_readings_of k
   WHERE (k.n >= 3 AND ${at('k.last3[1]')} AND ${at('k.last3[2]')} AND ${at('k.last3[3]')})
      OR (k.inside_v IS NOT NULL AND NOT (k.before_v IS NULL AND k.n = 1)
          AND k.sign * k.last3[1] > k.sign * coalesce(k.before_v, k.inside_v)
          AND k.sign * (k.target - coalesce(k.before_v, k.inside_v)) > 0)
)
SELECT b.pilot_id, 'busy_not_progressing' AS kind, '' AS subject_key, b.from_day::text AS since
  FROM candidates b
 WHERE b.pilot_id NOT IN (SELECT pilot_id FROM moving)`,
};
