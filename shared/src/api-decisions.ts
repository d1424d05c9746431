/** The REST contract of the decision log, the scale queue, decision outcomes and the audit trail. */
import type { PageQuery, PersonRef } from './api';
import type { Stage } from './enums';
import type { DecisionKind, Pattern, RecommendationAction } from './analysis/types';

export interface DecisionView {
  id: string;
  pilotId: string;
  pilotName: string;
  kind: DecisionKind;
  rationale: string;
  decidedBy: PersonRef;
  decidedAt: string;
  nextReviewDate: string | null;
  recommendedAction: RecommendationAction | null;
  followedRecommendation: boolean;
  snapshot: {
    flags: { kind: string; summary: string }[];
    patterns: string[];
    recommendation: { action: RecommendationAction; reasons: string[]; readinessScore: number } | null;
  };
  supersedesId: string | null;
  resultingPilotId: string | null;
}

export interface RecordDecisionRequest {
  kind: DecisionKind;
  rationale: string;
  /** Required for scale and continue: when the pilot is looked at again. */
  nextReviewDate?: string;
  /** A correction names the decision it replaces. */
  supersedesId?: string;
  /** For a pivot: what the new pilot is called and is about (defaults derive from the old one). */
  pivot?: { name?: string; summary?: string };
}

/** A calendar quarter as the API names it: `2026-Q3`. */
export const QUARTER_FORMAT = /^\d{4}-Q[1-4]$/;

export interface DecisionListQuery {
  kind?: DecisionKind;
  pilotId?: string;
  businessUnitId?: string;
  decidedById?: string;
  /** Decisions taken in this quarter, e.g. `2026-Q3` (the quarters of `DecisionOutcomes.byQuarter`). */
  quarter?: string;
  /** Decisions on pilots this executive sponsors. */
  sponsorId?: string;
  /** Decisions on pilots now in this stage. */
  stage?: Stage;
  page?: number;
  pageSize?: number;
}

export interface DecisionOutcomesQuery {
  businessUnitId?: string;
}

export const SCALE_QUEUE_REASONS = ['recommended_scale', 'high_readiness', 'scale_question'] as const;
export type ScaleQueueReason = (typeof SCALE_QUEUE_REASONS)[number];

export interface ScaleQueueItem {
  rank: number;
  pilotId: string;
  pilotName: string;
  businessUnitId: string;
  businessUnitName: string;
  stage: Stage;
  sponsor: PersonRef | null;
  readinessScore: number;
  annualValueAtScale: number;
  costToScale: number;
  recommendation: RecommendationAction;
  reasons: ScaleQueueReason[];
  /** The most binding stuck pattern, if any, that stands between the pilot and scale. */
  blockingPattern: Pattern | null;
  /**
   * Set when the pilot is in the queue but not ready: sponsorship fails (no sponsor named or the
   * sponsorship test failed), so it is listed only because leadership asked when it will scale.
   */
  blockedReason: string | null;
  /** Days since the pilot last got a decision (or entered its stage): the service level to watch. */
  daysWaiting: number;
  lastDecisionAt: string | null;
}

/** Paged like the other lists; `rank` counts across pages (the first item of page 2 of 25 ranks 26). */
export interface ScaleQueueQuery extends PageQuery {
  mine?: boolean;
  businessUnitId?: string;
}

export interface ScaleOutcome {
  decisionId: string;
  pilotId: string;
  pilotName: string;
  decidedAt: string;
  reachedProduction: boolean;
  /** Months from the pilot's start to production, against the upper bound of its expected timeline. */
  monthsToProduction: number | null;
  expectedMaxMonths: number;
  currentStage: Stage;
}

export interface PivotOutcome {
  decisionId: string;
  pilotId: string;
  pilotName: string;
  resultingPilotId: string | null;
  resultingPilotName: string | null;
  resultingStage: Stage | null;
}

export interface DecisionOutcomes {
  scale: ScaleOutcome[];
  pivots: PivotOutcome[];
  kills: number;
  /** Median days from a pilot's first weekly update to its first decision. */
  medianDaysFirstUpdateToDecision: number | null;
  byQuarter: { quarter: string; scale: number; pivot: number; kill: number; continue: number }[];
  /** Share (0..1) of scale decisions whose pilot reached production. */
  scaledReachedProductionShare: number | null;
}

export interface AuditEventView {
  id: string;
  at: string;
  /** Null for the system (seed, sweep). */
  actorId: string | null;
  /** The actor's display name; null for the system or a person since removed. */
  actorName: string | null;
  entity: string;
  entityId: string;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /**
   * Display names of the records this event refers to (its own record and every id among its
   * values: pilots, people, units, blockers, KPIs), so the trail reads as names, not ids.
   */
  names: Record<string, string>;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  page?: number;
  pageSize?: number;
}
