import type { EntityManager } from 'typeorm';
import type { Health, Pattern, RecommendationAction } from '@liftoff/shared';

/** What lists show beside a pilot: its latest update, open flags and current diagnosis. */
export interface PilotFacts {
  lastUpdateWeek: string | null;
  lastUpdateAt: string | null;
  lastHealth: Health | null;
  openFlagCount: number;
  recommendation: RecommendationAction | null;
  readinessScore: number | null;
  patterns: Pattern[];
}

export const NO_FACTS: PilotFacts = {
  lastUpdateWeek: null,
  lastUpdateAt: null,
  lastHealth: null,
  openFlagCount: 0,
  recommendation: null,
  readinessScore: null,
  patterns: [],
};

/**
 * One query for a page of pilots. "Latest" orders by `week` (ISO weeks, zero-padded, sort as their
 * Mondays do), so the unique index on (pilot_id, week) finds it; `week_start` has no such index.
 */
export async function loadPilotFacts(manager: EntityManager, pilotIds: string[]): Promise<Map<string, PilotFacts>> {
  if (pilotIds.length === 0) return new Map();
  const rows: {
    id: string;
    week: string | null;
    created_at: Date | null;
    health: Health | null;
    open_flags: number;
    action: RecommendationAction | null;
    readiness_score: number | null;
    patterns: Pattern[] | null;
  }[] = await manager.query(
    `SELECT p.id, lu.week, lu.created_at, lu.health,
            (SELECT count(*)::int FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') AS open_flags,
            pd.action, pd.readiness_score,
            (SELECT array_agg(x->>'pattern') FROM jsonb_array_elements(pd.patterns) x) AS patterns
       FROM pilots p
       LEFT JOIN pilot_diagnoses pd ON pd.pilot_id = p.id
       LEFT JOIN LATERAL (SELECT u.week, u.created_at, u.health FROM weekly_updates u
                           WHERE u.pilot_id = p.id ORDER BY u.week DESC LIMIT 1) lu ON true
      WHERE p.id = ANY($1::uuid[])`,
    [pilotIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        lastUpdateWeek: row.week,
        lastUpdateAt: row.created_at ? new Date(row.created_at).toISOString() : null,
        lastHealth: row.health,
        openFlagCount: row.open_flags,
        recommendation: row.action,
        readinessScore: row.readiness_score,
        patterns: row.patterns ?? [],
      },
    ]),
  );
}
