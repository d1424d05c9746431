import type { EntityManager } from 'typeorm';
import { TERMINAL_STAGES, UNDERWAY_STAGES, type DecisionKind, type Health, type RecommendationAction, type Stage } from '@liftoff/shared';

/** The instants a digest's period covers: `[start, end)`, the recipient's local midnights. */
export interface DigestWindow {
  start: Date;
  end: Date;
}

/** One pilot line before it is addressed to someone: who sponsors and leads it decides `own`. */
export interface PilotLineRow {
  id: string;
  name: string;
  stage: Stage;
  business_unit_id: string;
  sponsor_id: string | null;
  lead_id: string;
  health: Health | null;
  stuck_signs: string[];
  recommended_action: RecommendationAction | null;
}

export interface DecisionRow extends Omit<PilotLineRow, 'health' | 'stuck_signs' | 'recommended_action'> {
  decision_id: string;
  kind: DecisionKind;
  rationale: string;
  decided_by_id: string;
  decided_by_name: string;
  decided_at: Date;
  next_review_date: string | null;
  decision_recommended_action: RecommendationAction | null;
  followed_recommendation: boolean;
  snapshot: { flags: { kind: string; summary: string }[]; patterns: string[]; recommendation: null | { action: RecommendationAction; reasons: string[]; readinessScore: number } };
  supersedes_id: string | null;
  resulting_pilot_id: string | null;
}

/**
 * The pilots a section names (`hits`: pilot_id, and the signs to show or null for the pilot's open
 * ones), with what a line shows. One statement per section; every lookup is by pilot on an index
 * (latest update by the unique pilot-and-week index, open flags by the partial open index).
 */
function pilotLines(hits: string): string {
  return `WITH hits AS (${hits})
    SELECT p.id, p.name, p.stage, p.business_unit_id, p.sponsor_id, p.lead_id,
           (SELECT u.health FROM weekly_updates u WHERE u.pilot_id = p.id ORDER BY u.week DESC LIMIT 1) AS health,
           coalesce(hits.signs, (SELECT array_agg(f.summary ORDER BY f.opened_at, f.kind) FROM signal_flags f
                                  WHERE f.pilot_id = p.id AND f.status = 'open'), '{}') AS stuck_signs,
           pd.action AS recommended_action
      FROM hits
      JOIN pilots p ON p.id = hits.pilot_id
      LEFT JOIN pilot_diagnoses pd ON pd.pilot_id = p.id
     ORDER BY p.name, p.id`;
}

/** A flag `f` open at the window's end (`$2`): opened before it, not resolved before it. */
const OPEN_AT_END = `f.opened_at < $2 AND (f.resolved_at IS NULL OR f.resolved_at >= $2)`;

export class DigestQueries {
  constructor(private readonly manager: EntityManager) {}

  async counts(window: DigestWindow): Promise<{ activePilots: number; updatesPosted: number }> {
    const [row] = await this.manager.query(
      `SELECT (SELECT count(*)::int FROM pilots WHERE stage = ANY($3::pilot_stage[])) AS active_pilots,
              (SELECT count(*)::int FROM weekly_updates WHERE created_at >= $1 AND created_at < $2) AS updates_posted`,
      [window.start, window.end, UNDERWAY_STAGES],
    );
    return { activePilots: row.active_pilots, updatesPosted: row.updates_posted };
  }

  /** Stuck signs that opened in the window and were still open at its end; the line shows those signs. */
  newlyStuck(window: DigestWindow): Promise<PilotLineRow[]> {
    return this.manager.query(
      pilotLines(`SELECT f.pilot_id, array_agg(f.summary ORDER BY f.opened_at, f.kind) AS signs FROM signal_flags f
                   WHERE f.opened_at >= $1 AND ${OPEN_AT_END} GROUP BY f.pilot_id`),
      [window.start, window.end],
    );
  }

  /** Pilots still underway that had a sign resolve in the window and none open at its end. */
  unstuck(window: DigestWindow): Promise<PilotLineRow[]> {
    return this.manager.query(
      pilotLines(`SELECT DISTINCT r.pilot_id, NULL::text[] AS signs FROM signal_flags r
                   JOIN pilots p ON p.id = r.pilot_id AND NOT (p.stage = ANY($3::pilot_stage[]))
                   WHERE r.resolved_at >= $1 AND r.resolved_at < $2
                     AND NOT EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = r.pilot_id AND ${OPEN_AT_END})`),
      [window.start, window.end, TERMINAL_STAGES],
    );
  }

  /** Pilots in the scale queue now that entered it during the window. */
  enteredScaleQueue(window: DigestWindow): Promise<PilotLineRow[]> {
    return this.manager.query(
      pilotLines(`SELECT pilot_id, NULL::text[] AS signs FROM pilot_diagnoses WHERE scale_queue_since >= $1 AND scale_queue_since < $2`),
      [window.start, window.end],
    );
  }

  /**
   * Pilots underway whose latest decision before the window's end set a review date that came
   * before the end (the day the digest is made): the decision_overdue rule, read at that moment.
   */
  reviewsOverdue(window: DigestWindow, lastDay: string): Promise<PilotLineRow[]> {
    return this.manager.query(
      pilotLines(`SELECT p.id AS pilot_id, NULL::text[] AS signs FROM pilots p
                   CROSS JOIN LATERAL (SELECT d.next_review_date FROM decisions d WHERE d.pilot_id = p.id AND d.decided_at < $1
                                        ORDER BY d.decided_at DESC LIMIT 1) latest
                   WHERE NOT (p.stage = ANY($3::pilot_stage[])) AND latest.next_review_date <= $2::date`),
      [window.end, lastDay, TERMINAL_STAGES],
    );
  }

  /** Pilots whose silence sign was open at the window's end. */
  silent(window: DigestWindow): Promise<PilotLineRow[]> {
    return this.manager.query(
      pilotLines(`SELECT DISTINCT f.pilot_id, NULL::text[] AS signs FROM signal_flags f
                   WHERE f.kind = 'silent' AND f.opened_at < $1 AND (f.resolved_at IS NULL OR f.resolved_at >= $1)`),
      [window.end],
    );
  }

  decisions(window: DigestWindow): Promise<DecisionRow[]> {
    return this.manager.query(
      `SELECT p.id, p.name, p.stage, p.business_unit_id, p.sponsor_id, p.lead_id,
              d.id AS decision_id, d.kind, d.rationale, d.decided_by_id, who.name AS decided_by_name, d.decided_at,
              to_char(d.next_review_date, 'YYYY-MM-DD') AS next_review_date, d.recommended_action AS decision_recommended_action,
              d.followed_recommendation, d.snapshot, d.supersedes_id, d.resulting_pilot_id
         FROM decisions d
         JOIN pilots p ON p.id = d.pilot_id
         JOIN people who ON who.id = d.decided_by_id
        WHERE d.decided_at >= $1 AND d.decided_at < $2
        ORDER BY d.decided_at, d.id`,
      [window.start, window.end],
    );
  }
}
