/**
 * `timelinePosition` on the stage clock (STAGE_CLOCK_CTE): over the bound when the active days
 * exceed the days from the clock's start to start + bound months; the flag starts the day after
 * that deadline pushed back by the paused days (`pastDeadline`).
 */
export const timelineFlags = (kind: string, stage: string, boundMonths: string) => `
SELECT pilot_id, '${kind}' AS kind, '' AS subject_key, (deadline + paused_days + 1)::text AS since
  FROM (SELECT c.*, (c.since_day + make_interval(months => (${boundMonths})::int))::date AS deadline
          FROM stage_clock c WHERE c.stage = '${stage}') t
 WHERE active_days > deadline - since_day`;
