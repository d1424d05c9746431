/**
 * Floor of `stalled_stage`: the stage clock has reached M months (by complexity) of active time:
 * today is on or after its start plus M months (clamped to the month's end, as PostgreSQL's
 * interval arithmetic does) plus the paused days.
 */
import { STAGE_CLOCK_CTE, threshold, type RuleFloor } from './common';

export const stalledStageFloor: RuleFloor = {
  kind: 'stalled_stage',
  sql: `
WITH ${STAGE_CLOCK_CTE}
SELECT pilot_id, 'stalled_stage' AS kind, '' AS subject_key, since_day::text AS since
  FROM stage_clock c
 WHERE $1::date >= (c.since_day + make_interval(months => (CASE c.complexity WHEN 'best' THEN ${threshold('stalledStageMonthsBest')}
                                                                              WHEN 'complex' THEN ${threshold('stalledStageMonthsComplex')}
                                                                              ELSE ${threshold('stalledStageMonthsTypical')} END)::int))::date + c.paused_days`,
};
