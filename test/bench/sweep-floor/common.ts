/**
 * Pieces the per-rule floors share. Every floor is one set-based statement over the whole
 * portfolio with two parameters: $1 today's UTC date ('YYYY-MM-DD') and $2 the thresholds as a
 * jsonb document (`SignalThresholds`). It returns the flags the rule raises today, one row per
 * flag: pilot_id, kind, subject_key ('' for whole-pilot rules) and since ('YYYY-MM-DD', the day the
 * condition began), the same four facts the sweep stores as an open flag's key and start.
 */

/** A numeric threshold from $2. */
export const threshold = (key: string) => `($2::jsonb->>'${key}')::float8`;

/** Not paused and not closed: the stages most rules watch (`isMonitoredStage`). */
export const MONITORED = `p.stage NOT IN ('production', 'pivoted', 'killed', 'paused')`;
/** Piloting or scaling (`ACTIVE_STAGES`). */
export const ACTIVE = `p.stage IN ('piloting', 'scaling')`;

/** The UTC calendar day of a timestamp column. */
export const utcDate = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/** The Monday that starts an ISO week written 'YYYY-Www'. */
export const mondayOfWeek = (column: string) => `to_date(${column}, 'IYYY-"W"IW')`;

/** `STAGE_ORDER`: the forward order of stages, -1 for the ones outside it. */
export const stageOrder = (column: string) =>
  `CASE ${column} WHEN 'proposed' THEN 0 WHEN 'piloting' THEN 1 WHEN 'scaling' THEN 2 WHEN 'production' THEN 3 ELSE -1 END`;

/**
 * `segmentsOf` in timeline.ts: the pilot's stage changes (in changed_at, id order) as consecutive
 * segments of UTC days. A segment starts at its change's day or its predecessor's start, whichever
 * is later, and ends where the next one starts (the last one today). `rn` counts from the last.
 */
export const SEGMENTS_CTE = `
segments AS (
  SELECT pilot_id, stage, start, coalesce(lead(start) OVER (PARTITION BY pilot_id ORDER BY changed_at, id), $1::date) AS finish,
         row_number() OVER (PARTITION BY pilot_id ORDER BY changed_at DESC, id DESC) AS rn,
         count(*) OVER (PARTITION BY pilot_id) AS total
    FROM (SELECT sc.pilot_id, sc.to_stage::text AS stage, sc.changed_at, sc.id,
                 max(${utcDate('sc.changed_at')}) OVER (PARTITION BY sc.pilot_id ORDER BY sc.changed_at, sc.id) AS start
            FROM stage_changes sc) s
)`;

/**
 * \`stageClock\` for pilots in proposed, piloting or scaling (never paused, so the paused branches
 * are not needed): the run of the current stage through X -> paused -> X, its start (set back to
 * stage_entered_at when that is earlier), its active and its paused days. Needs SEGMENTS_CTE.
 *
 * Walking back from the last segment (rn 1), the run goes on while odd rn hold the current stage
 * and even rn a pause; it starts at the largest odd rn before the first segment that breaks this.
 */
export const STAGE_CLOCK_CTE = `
${SEGMENTS_CTE},
marked AS (
  SELECT s.*, p.stage::text AS current_stage,
         least(coalesce(min(s.rn) FILTER (WHERE (s.rn % 2 = 1 AND s.stage <> p.stage::text) OR (s.rn % 2 = 0 AND s.stage <> 'paused'))
                          OVER (PARTITION BY s.pilot_id), s.total + 1) - 1, s.total) AS reach
    FROM segments s JOIN pilots p ON p.id = s.pilot_id
   WHERE p.stage IN ('proposed', 'piloting', 'scaling')
),
run AS (
  SELECT pilot_id,
         bool_or(rn = 1 AND stage = current_stage) AS matched,
         max(start) FILTER (WHERE rn = first_rn) AS run_start,
         coalesce(sum(finish - start) FILTER (WHERE rn <= first_rn AND rn % 2 = 0), 0)::int AS paused_days,
         coalesce(sum(finish - start) FILTER (WHERE rn <= first_rn AND rn % 2 = 1), 0)::int AS active_days
    FROM (SELECT *, reach - (1 - reach % 2) AS first_rn FROM marked) m
   GROUP BY pilot_id
),
stage_clock AS (
  SELECT p.id AS pilot_id, p.stage::text AS stage, p.complexity::text AS complexity,
         CASE WHEN r.matched THEN least(r.run_start, e.entered) ELSE least(e.entered, $1::date) END AS since_day,
         CASE WHEN r.matched THEN r.active_days + greatest(r.run_start - e.entered, 0) ELSE $1::date - least(e.entered, $1::date) END AS active_days,
         CASE WHEN r.matched THEN r.paused_days ELSE 0 END AS paused_days
    FROM pilots p
    CROSS JOIN LATERAL (SELECT ${utcDate('p.stage_entered_at')} AS entered) e
    LEFT JOIN run r ON r.pilot_id = p.id
   WHERE p.stage IN ('proposed', 'piloting', 'scaling')
)`;

/** A floor: which rule it covers and its statement. */
export interface RuleFloor {
  kind: string;
  sql: string;
}
