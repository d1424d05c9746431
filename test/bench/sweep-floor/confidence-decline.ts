/**
 * Floor of `confidence_decline`: least-squares slope of confidence over the latest K updates (x in
 * ISO weeks from the first) below the threshold. The slope is computed from the same integer sums
 * as `leastSquaresOf`, so it is the same double (PostgreSQL's regr_slope rounds differently).
 */
import { ACTIVE, threshold, type RuleFloor } from './common';

export const confidenceDeclineFloor: RuleFloor = {
  kind: 'confidence_decline',
  sql: `
WITH latest AS (
  SELECT p.id AS pilot_id, w.confidence, w.week_start,
         count(*) OVER (PARTITION BY p.id) AS n, min(w.week_start) OVER (PARTITION BY p.id) AS first_week
    FROM pilots p
    CROSS JOIN LATERAL (SELECT confidence, week_start FROM weekly_updates u WHERE u.pilot_id = p.id
                         ORDER BY week DESC LIMIT ${threshold('confidenceWindowUpdates')}::int) w
   WHERE ${ACTIVE}
),
sums AS (
  SELECT pilot_id, first_week, count(*)::numeric AS n,
         sum((week_start - first_week) / 7)::numeric AS sx, sum(confidence)::numeric AS sy,
         sum(((week_start - first_week) / 7) * confidence)::numeric AS sxy, sum(((week_start - first_week) / 7) ^ 2)::numeric AS sxx
    FROM latest WHERE n >= ${threshold('confidenceWindowUpdates')} GROUP BY pilot_id, first_week
)
SELECT pilot_id, 'confidence_decline' AS kind, '' AS subject_key, first_week::text AS since
  FROM sums
 WHERE n * sxx - sx * sx <> 0
   AND (n * sxy - sx * sy)::float8 / (n * sxx - sx * sx)::float8 < ${threshold('confidenceSlopePerWeek')}`,
};
