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
 * An update's view as one row over `weekly_updates u`, its readings and blockers aggregated beside it.
 * TypeORM's relations joined readings with blockers (one row per pair) and hydrated entities from them:
 * for a page of 200 updates that took ten times as long as the SQL (issue 11). The pilot's and the
 * author's names are scalar subqueries (one index probe per row): joined, PostgreSQL hashed all pilots
 * for a page of one pilot's updates.
 */
const VIEW_COLUMNS = `u.id, u.pilot_id, (SELECT p.name FROM pilots p WHERE p.id = u.pilot_id) AS pilot_name, u.week, u.author_id,
         (SELECT a.name FROM people a WHERE a.id = u.author_id) AS author_name, u.health, u.summary,
         u.confidence, u.active_users, u.active_users_outside_team, u.scale_question_asked, u.resources_redirected,
         u.pivot_suggested, u.version, u.created_at,
         coalesce((SELECT json_agg(json_build_array(r.kpi_id, k.name, r.value::text)) FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id
                    WHERE r.update_id = u.id), '[]') AS readings,
         coalesce((SELECT json_agg(json_build_object('id', b.id, 'text', b.text, 'category', b.category, 'status', b.status))
                     FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id WHERE ub.update_id = u.id), '[]') AS blockers`;

const VIEWS_SQL = `SELECT ${VIEW_COLUMNS} FROM weekly_updates u WHERE u.id = ANY($1::uuid[])`;

/**
 * A page of one pilot's updates (newest week first) with the pilot's count, in one statement: the
 * count, the page's ids and their views were three statements, two of them one after the other. With
 * no update on the page (an empty pilot, or a page past the end) it is one row with the count only.
 */
const PILOT_PAGE_SQL = `
  SELECT total.total, v.*
    FROM (SELECT count(*)::int AS total FROM weekly_updates WHERE pilot_id = $1) total
    LEFT JOIN LATERAL (
      SELECT ${VIEW_COLUMNS}, u.week_start
        FROM (SELECT * FROM weekly_updates WHERE pilot_id = $1 ORDER BY week_start DESC, id LIMIT $2 OFFSET $3) u) v ON true
   ORDER BY v.week_start DESC, v.id`;

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

/** `PILOT_PAGE_SQL`: a page of the pilot's update views and how many updates it has in all. */
export async function loadPilotUpdatePage(manager: EntityManager, pilotId: string, window: { pageSize: number; skip: number }): Promise<{ views: WeeklyUpdateView[]; total: number }> {
  const rows = (await manager.query(PILOT_PAGE_SQL, [pilotId, window.pageSize, window.skip])) as (ViewRow & { total: number })[];
  return { views: rows.filter((row) => row.id !== null).map(toView), total: rows[0].total };
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
