/**
 * Weekly update posts for the write benchmarks, and their floor: the same rows written by one bare
 * INSERT statement through pg. Each post reports one of the pilot's open blockers again, one new
 * blocker in the lead's words and a reading for every KPI of the pilot, so it writes the update, a
 * blocker, two mentions, a wording and one or two KPI readings.
 */
import { addIsoWeeks, isoWeekStart } from '@liftoff/shared';
import type { Pool, PoolClient } from 'pg';
import type { PlannedWrite } from '../reliability/support/load-generator';

interface TargetPilot {
  id: string;
  earliest: string;
  blocker_id: string;
  kpis: { id: string; min: number | null; max: number | null; baseline: number | null }[];
}

export interface PlannedPost extends PlannedWrite {
  request: Record<string, unknown>;
  openBlockerId: string;
}

/**
 * `count` posts to pilots that take updates and have an open blocker, each pilot in turn, every round
 * one week further back before its earliest update, so that no pilot+week is posted twice.
 * `offset` skips that many posts of the same sequence (a second benchmark phase gets new weeks).
 */
export async function planPosts(pg: Pool, count: number, offset = 0, tag = 'Bench post'): Promise<PlannedPost[]> {
  const { rows: pilots } = await pg.query<TargetPilot>(
    `SELECT p.id, (SELECT min(week) FROM weekly_updates u WHERE u.pilot_id = p.id) AS earliest,
            (SELECT b.id FROM blockers b WHERE b.pilot_id = p.id AND b.status = 'open' AND b.text NOT LIKE 'Bench %' ORDER BY b.id LIMIT 1) AS blocker_id,
            (SELECT coalesce(json_agg(json_build_object('id', k.id, 'min', k.min_value, 'max', k.max_value, 'baseline', k.baseline) ORDER BY k.id), '[]')
               FROM kpis k WHERE k.pilot_id = p.id) AS kpis
       FROM pilots p
      WHERE p.stage IN ('piloting', 'scaling')
        AND EXISTS (SELECT 1 FROM blockers b WHERE b.pilot_id = p.id AND b.status = 'open')
        AND EXISTS (SELECT 1 FROM weekly_updates u WHERE u.pilot_id = p.id)
      ORDER BY p.id`,
  );
  if (pilots.length === 0) throw new Error('no pilot takes updates and has an open blocker');
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const pilot = pilots[i % pilots.length];
    const week = addIsoWeeks(pilot.earliest, -1 - Math.floor(i / pilots.length));
    const request = {
      week,
      health: i % 3 === 0 ? 'at_risk' : 'on_track',
      summary: `${tag} ${i}: adoption grew in the second team`,
      confidence: 1 + (i % 5),
      activeUsers: 20 + (i % 40),
      activeUsersOutsideTeam: i % 7,
      scaleQuestionAsked: i % 4 === 0,
      resourcesRedirected: false,
      kpiReadings: pilot.kpis.map((kpi) => ({ kpiId: kpi.id, value: readingFor(kpi, i) })),
      blockers: [{ blockerId: pilot.blocker_id }, { text: `${tag} ${i}: vendor contract still unsigned`, isNew: true, category: 'budget' }],
    };
    return { pilotId: pilot.id, week, body: JSON.stringify(request), request, openBlockerId: pilot.blocker_id };
  });
}

function readingFor(kpi: TargetPilot['kpis'][number], i: number): number {
  const low = kpi.min ?? 0;
  const high = kpi.max ?? low + 100;
  return Math.round((low + ((i % 10) / 10) * (high - low)) * 100) / 100;
}

/**
 * The floor: the rows one post writes (the update, its new blocker, both mentions, the wording and
 * the readings) as one INSERT statement with writable CTEs, i.e. one round trip, no checks.
 */
const FLOOR_INSERT_SQL = `
WITH u AS (
  INSERT INTO weekly_updates (pilot_id, week, week_start, author_id, health, summary, confidence, active_users,
                              active_users_outside_team, scale_question_asked, resources_redirected, pivot_suggested, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, 1) RETURNING id
), b AS (
  INSERT INTO blockers (pilot_id, text, category, status, first_seen_week, last_seen_week, version)
  VALUES ($1, $12, $13, 'open', $2, $2, 1) RETURNING id
), ub AS (
  INSERT INTO update_blockers (update_id, blocker_id)
  SELECT u.id, x.id FROM u, (SELECT $14::uuid AS id UNION ALL SELECT id FROM b) x
), w AS (
  INSERT INTO blocker_wordings (blocker_id, update_id, text) SELECT b.id, u.id, $12 FROM u, b
), k AS (
  INSERT INTO kpi_readings (update_id, kpi_id, value)
  SELECT u.id, r.kpi_id, r.value FROM u, jsonb_to_recordset($15::jsonb) AS r(kpi_id uuid, value numeric)
)
SELECT id FROM u`;

export async function floorInsert(client: Pool | PoolClient, post: PlannedPost, authorId: string): Promise<void> {
  const r = post.request as { week: string; health: string; summary: string; confidence: number; activeUsers: number; activeUsersOutsideTeam: number; scaleQuestionAsked: boolean; resourcesRedirected: boolean; kpiReadings: { kpiId: string; value: number }[]; blockers: [unknown, { text: string; category: string }] };
  await client.query(FLOOR_INSERT_SQL, [
    post.pilotId, r.week, isoWeekStart(r.week).toISOString().slice(0, 10), authorId, r.health, r.summary, r.confidence, r.activeUsers,
    r.activeUsersOutsideTeam, r.scaleQuestionAsked, r.resourcesRedirected, r.blockers[1].text, r.blockers[1].category, post.openBlockerId,
    JSON.stringify(r.kpiReadings.map((k) => ({ kpi_id: k.kpiId, value: k.value }))),
  ]);
}

/**
 * What the posts with this summary tag stored, without generated ids and times: comparing it between
 * the product's database and the floor's shows both wrote the same rows.
 */
export async function storedPosts(pg: Pool, tag: string): Promise<string[]> {
  const { rows } = await pg.query<{ row: string }>(
    `SELECT json_build_array(u.pilot_id, u.week, u.week_start::text, u.author_id, u.health, u.summary, u.confidence, u.active_users,
              u.active_users_outside_team, u.scale_question_asked, u.resources_redirected, u.pivot_suggested,
              (SELECT json_agg(json_build_array(r.kpi_id, r.value::float8) ORDER BY r.kpi_id) FROM kpi_readings r WHERE r.update_id = u.id),
              (SELECT json_agg(json_build_array(CASE WHEN b.text LIKE $1 THEN b.text ELSE b.id::text END, b.category, b.status,
                                                CASE WHEN b.text LIKE $1 THEN b.first_seen_week || '..' || b.last_seen_week END) ORDER BY b.text)
                 FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id WHERE ub.update_id = u.id),
              (SELECT json_agg(json_build_array(w.text, wb.text) ORDER BY w.text) FROM blocker_wordings w JOIN blockers wb ON wb.id = w.blocker_id WHERE w.update_id = u.id)
            )::text AS row
       FROM weekly_updates u WHERE u.summary LIKE $1 ORDER BY u.pilot_id, u.week`,
    [`${tag} %`],
  );
  return rows.map((r) => r.row);
}
