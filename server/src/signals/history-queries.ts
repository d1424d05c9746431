/** The statements the history loader runs and the rows they return. */
import type { PilotHistory, ReadinessAssessmentInput } from '@liftoff/shared';

/**
 * Runs one statement and returns its rows. The sweep passes one that runs each statement in a
 * short transaction with planner settings suited to bulk reads; a transaction's manager runs them
 * one after another on its connection.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RunQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

/** Epoch milliseconds of a timestamp, cut to whole milliseconds like a JavaScript Date. */
export const ms = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;
export const isoOf = (millis: number | null): string | null => (millis === null ? null : new Date(millis).toISOString());

/**
 * A pilot's updates as one text, in week order: updates joined by ';', each one's fields by ','
 * (`decodeUpdates` reads them): week, created_at as JavaScript's ISO form (milliseconds cut, as
 * `Date` keeps them), health, confidence, active users, those outside the team, then the three
 * booleans as 0 or 1. No field can hold a separator (week and health have checked formats). Cheaper
 * than JSON to build here (a fifth less for a batch's window, measured with EXPLAIN ANALYZE) and
 * to read in Node, which no longer formats each date.
 */
const UPDATES_TEXT = (u: string) =>
  `string_agg(concat_ws(',', ${u}.week, to_char(${u}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${u}.health,
     ${u}.confidence, ${u}.active_users, ${u}.active_users_outside_team, ${u}.scale_question_asked::int, ${u}.resources_redirected::int,
     ${u}.pivot_suggested::int), ';' ORDER BY ${u}.week_start)`;

/** Whole histories: one text of updates per pilot (`UPDATES_TEXT`). */
export const ALL_UPDATES_SQL = `
  SELECT u.pilot_id, ${UPDATES_TEXT('u')} AS rows, count(*)::int AS total, NULL::float8 AS older_ms
    FROM weekly_updates u WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY u.pilot_id`;

/**
 * The latest updates of each pilot: the latest $2, and further back to the latest on-track update
 * when the pilot has been at risk or off track for longer (off_track_streak reports the whole run).
 * Both bounds are read on the (pilot_id, week) index; week_start is the Monday of week, so week
 * order and week_start order agree. With them, what the window check needs about the updates left
 * out: how many there are in all and when the latest of them was posted.
 */
export const WINDOW_UPDATES_SQL = `
  SELECT p.id AS pilot_id, w.rows, c.total, c.older_ms
    FROM unnest($1::uuid[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT least(
               coalesce((SELECT u.week FROM weekly_updates u WHERE u.pilot_id = p.id ORDER BY u.week DESC OFFSET $2::int - 1 LIMIT 1), ''),
               coalesce((SELECT u.week FROM weekly_updates u WHERE u.pilot_id = p.id AND u.health = 'on_track' ORDER BY u.week DESC LIMIT 1), '')
             ) AS from_week) f
    CROSS JOIN LATERAL (
      SELECT ${UPDATES_TEXT('u')} AS rows, min(u.week) AS first_week
        FROM weekly_updates u WHERE u.pilot_id = p.id AND u.week >= f.from_week) w
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, ${ms('max(u.created_at) FILTER (WHERE u.week < w.first_week)')} AS older_ms
        FROM weekly_updates u WHERE u.pilot_id = p.id) c
   WHERE w.rows IS NOT NULL`;

/**
 * Blockers with the weeks of the updates that mention them, in one statement so both come from the
 * same snapshot; with $2, open blockers only (see `LoadOptions.analysedPart`).
 */
export const BLOCKERS_SQL = `
  SELECT b.id, b.pilot_id, b.text, b.category, b.status, b.first_seen_week, b.last_seen_week, ${ms('b.resolved_at')} AS resolved_ms,
         (SELECT json_agg(u.week)::text FROM update_blockers ub JOIN weekly_updates u ON u.id = ub.update_id
           WHERE ub.blocker_id = b.id AND u.pilot_id = b.pilot_id) AS mentions
    FROM blockers b WHERE b.pilot_id = ANY($1::uuid[]) AND (NOT $2::boolean OR b.status = 'open')`;

export interface PilotRow {
  id: string;
  name: string;
  stage: PilotHistory['pilot']['stage'];
  entered_ms: number;
  start_date: string;
  complexity: PilotHistory['pilot']['complexity'];
  sponsor_id: string | null;
  value: number;
  cost: number;
  integration_systems: string[] | null;
}
export interface UpdatesRow {
  pilot_id: string;
  rows: string;
  total: number;
  older_ms: number | null;
}
export interface BlockerRow {
  id: string;
  pilot_id: string;
  text: string;
  category: PilotHistory['blockers'][number]['category'];
  status: PilotHistory['blockers'][number]['status'];
  first_seen_week: string;
  last_seen_week: string;
  resolved_ms: number | null;
  mentions: string | null;
}
export interface StageChangeRow {
  pilot_id: string;
  from_stage: PilotHistory['stageChanges'][number]['fromStage'];
  to_stage: PilotHistory['stageChanges'][number]['toStage'];
  changed_ms: number;
}
export interface KpiRow {
  id: string;
  pilot_id: string;
  name: string;
  baseline: number | null;
  target: number | null;
  direction: PilotHistory['kpis'][number]['direction'];
}
export interface AssessmentRow {
  pilot_id: string;
  assessed_ms: number;
  answers: ReadinessAssessmentInput['answers'];
}
