import type { EntityManager } from 'typeorm';
import type { Stage } from '@liftoff/shared';

export interface PostContext {
  pilot: { id: string; name: string; stage: Stage; leadId: string } | null;
  /** The author the post names; null when no person has that id. */
  author: { id: string; name: string; deactivatedAt: string | null } | null;
  /** The pilot already has an update for the week. */
  weekTaken: boolean;
  kpis: { id: string; minValue: number | null; maxValue: number | null }[];
}

const POST_CONTEXT_SQL = `
  SELECT (SELECT json_build_object('id', p.id, 'name', p.name, 'stage', p.stage, 'leadId', p.lead_id) FROM pilots p WHERE p.id = $1) AS pilot,
         (SELECT json_build_object('id', x.id, 'name', x.name, 'deactivatedAt', x.deactivated_at) FROM people x WHERE x.id = $2::uuid) AS author,
         EXISTS (SELECT 1 FROM weekly_updates u WHERE u.pilot_id = $1 AND u.week = $3) AS week_taken,
         (SELECT coalesce(json_agg(json_build_object('id', k.id, 'minValue', k.min_value::float8, 'maxValue', k.max_value::float8)), '[]'::json)
            FROM kpis k WHERE k.pilot_id = $1) AS kpis`;

/**
 * Everything a new weekly update is checked against before it is written (its pilot, its author,
 * whether the week is taken, the pilot's KPIs) in one statement: each is a round trip saved on the
 * write's transaction. The checks themselves stay in `UpdatesService.create`, in their order.
 */
export async function loadPostContext(manager: EntityManager, pilotId: string, authorId: string | null, week: string): Promise<PostContext> {
  const [row]: { pilot: PostContext['pilot']; author: PostContext['author']; week_taken: boolean; kpis: PostContext['kpis'] }[] = await manager.query(POST_CONTEXT_SQL, [
    pilotId,
    authorId,
    week,
  ]);
  return { pilot: row.pilot, author: row.author, weekTaken: row.week_taken, kpis: row.kpis };
}
