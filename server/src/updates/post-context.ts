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

/**
 * The post's transaction plans its prepared statements once (see prepared-statements.ts): with
 * PostgreSQL's default it re-planned those taking an array (`id = ANY($1)`, the history and view reads
 * shared with bulk paths) on every post, since their generic plan assumes ten values. That planning was
 * 40% of a post's database time (pg_stat_statements, issue 11); the generic plans ran as fast or faster.
 * `set_config(..., true)` is SET LOCAL: it ends with the transaction, and costs no round trip here.
 * Not for reads in general: some (the open blockers, a health filter) need a plan for their value.
 */
const GENERIC_PLANS_FOR_THIS_TRANSACTION = `set_config('plan_cache_mode', 'force_generic_plan', true) AS plan_cache_mode`;

const POST_CONTEXT_SQL = `
  SELECT (SELECT json_build_object('id', p.id, 'name', p.name, 'stage', p.stage, 'leadId', p.lead_id) FROM pilots p WHERE p.id = $1) AS pilot,
         (SELECT json_build_object('id', x.id, 'name', x.name, 'deactivatedAt', x.deactivated_at) FROM people x WHERE x.id = $2::uuid) AS author,
         EXISTS (SELECT 1 FROM weekly_updates u WHERE u.pilot_id = $1 AND u.week = $3) AS week_taken,
         (SELECT coalesce(json_agg(json_build_object('id', k.id, 'minValue', k.min_value::float8, 'maxValue', k.max_value::float8)), '[]'::json)
            FROM kpis k WHERE k.pilot_id = $1) AS kpis,
         ${GENERIC_PLANS_FOR_THIS_TRANSACTION}`;

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
