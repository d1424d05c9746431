import type { EntityManager } from 'typeorm';
import type { RunQuery } from '../signals/history-queries';
import type { Health, WeeklyUpdate as WeeklyUpdateView } from '@liftoff/shared';

interface ViewRow {
  id: string;
  pilot_id: string;
  pilot_name: string;
  week: string;
  author_id: string;
  author_name: string;
  health: Health;
  summary: string;
  confidence: number;
  active_users: number;
  active_users_outside_team: number;
  scale_question_asked: boolean;
  resources_redirected: boolean;
  pivot_suggested: boolean;
  version: number;
  /** A Date from pg, an ISO text when the statement went through `batchedRun` (JSON). */
  created_at: Date | string;
  /** Readings as [kpiId, kpiName, value as numeric text]: the same value the entity's numeric transformer reads. */
  readings: [string, string, string][];
  blockers: WeeklyUpdateView['blockers'];
}

/**
 * One statement, one row per update, its readings and blockers aggregated beside it. TypeORM's
 * relations joined readings with blockers (one row per pair) and hydrated entities from them: for a
 * page of 200 updates that took ten times as long as the SQL (issue 11).
 */
const VIEWS_SQL = `
  SELECT u.id, u.pilot_id, p.name AS pilot_name, u.week, u.author_id, a.name AS author_name, u.health, u.summary,
         u.confidence, u.active_users, u.active_users_outside_team, u.scale_question_asked, u.resources_redirected,
         u.pivot_suggested, u.version, u.created_at,
         coalesce((SELECT json_agg(json_build_array(r.kpi_id, k.name, r.value::text)) FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id
                    WHERE r.update_id = u.id), '[]') AS readings,
         coalesce((SELECT json_agg(json_build_object('id', b.id, 'text', b.text, 'category', b.category, 'status', b.status))
                     FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id WHERE ub.update_id = u.id), '[]') AS blockers
    FROM weekly_updates u
    JOIN pilots p ON p.id = u.pilot_id
    JOIN people a ON a.id = u.author_id
   WHERE u.id = ANY($1::uuid[])`;

/** Full views of these updates, in the ids' order (readings by KPI name, blockers by text). */
export function loadUpdateViews(manager: EntityManager, ids: string[]): Promise<WeeklyUpdateView[]> {
  return loadUpdateViewsVia((sql, params) => manager.query(sql, params), ids);
}

/** `loadUpdateViews` through any `RunQuery`, such as a `batchedRun` that sends it with other reads. */
export async function loadUpdateViewsVia(run: RunQuery, ids: string[]): Promise<WeeklyUpdateView[]> {
  if (ids.length === 0) return [];
  const rows = (await run(VIEWS_SQL, [ids])) as ViewRow[];
  const byId = new Map(rows.map((row) => [row.id, toView(row)]));
  return ids.map((id) => byId.get(id)!);
}

function toView(row: ViewRow): WeeklyUpdateView {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    pilotName: row.pilot_name,
    week: row.week,
    author: { id: row.author_id, name: row.author_name },
    health: row.health,
    summary: row.summary,
    confidence: row.confidence,
    activeUsers: row.active_users,
    activeUsersOutsideTeam: row.active_users_outside_team,
    scaleQuestionAsked: row.scale_question_asked,
    resourcesRedirected: row.resources_redirected,
    pivotSuggested: row.pivot_suggested,
    kpiReadings: row.readings.map(([kpiId, kpiName, value]) => ({ kpiId, kpiName, value: Number(value) })).sort((a, b) => a.kpiName.localeCompare(b.kpiName)),
    blockers: row.blockers.sort((a, b) => a.text.localeCompare(b.text)),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
