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
 * A pilot's facts as one json value, for a SELECT list over pilots (`pilotIdSql` names the pilot's id).
 * "Latest" orders by `week` (ISO weeks, zero-padded, sort as their Mondays do), so the unique index on
 * (pilot_id, week) finds it; `week_start` has no such index.
 */
export function pilotFactsSql(pilotIdSql: string): string {
  return `(SELECT json_build_object('week', lu.week, 'created_at', lu.created_at, 'health', lu.health,
            'open_flags', (SELECT count(*)::int FROM signal_flags f WHERE f.pilot_id = ${pilotIdSql} AND f.status = 'open'),
            'action', pd.action, 'readiness_score', pd.readiness_score,
            'patterns', pd.pattern_keys)
       FROM (SELECT 1) AS one
       LEFT JOIN pilot_diagnoses pd ON pd.pilot_id = ${pilotIdSql}
       LEFT JOIN LATERAL (SELECT u.week, u.created_at, u.health FROM weekly_updates u
                           WHERE u.pilot_id = ${pilotIdSql} ORDER BY u.week DESC LIMIT 1) lu ON true)`;
}

/** The json of `pilotFactsSql`, as pg hands it over. */
export interface PilotFactsRow {
  week: string | null;
  created_at: string | null;
  health: Health | null;
  open_flags: number;
  action: RecommendationAction | null;
  readiness_score: number | null;
  patterns: Pattern[] | null;
}

export function toPilotFacts(row: PilotFactsRow | null | undefined): PilotFacts {
  if (!row) return NO_FACTS;
  return {
    lastUpdateWeek: row.week,
    lastUpdateAt: row.created_at ? new Date(row.created_at).toISOString() : null,
    lastHealth: row.health,
    openFlagCount: row.open_flags,
    recommendation: row.action,
    readinessScore: row.readiness_score,
    patterns: row.patterns ?? [],
  };
}
