/**
 * Inputs and outputs of the pilot analysis. Everything here is plain data so the server can build a
 * `PilotHistory` from its tables and the client can render the results without further lookups.
 */
import type { BlockerCategory, BlockerStatus, Complexity, Health, KpiDirection, Stage } from '../enums';

export const DECISION_KINDS = ['scale', 'pivot', 'kill', 'continue'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface HistoryUpdate {
  /** ISO week the update reports on ("2026-W32"). */
  week: string;
  /** ISO timestamp of when the update was posted; used by the `silent` rule. */
  createdAt: string;
  health: Health;
  /** Lead's confidence that the pilot reaches production, 1 (low) to 5 (high). */
  confidence: number;
  activeUsers: number;
  activeUsersOutsideTeam: number;
  scaleQuestionAsked: boolean;
  resourcesRedirected: boolean;
  /** Ids of the blockers this update reported. */
  blockerIds: string[];
  /** The lead noted that a different user group or workflow would fit better. */
  pivotSuggested?: boolean;
}

export interface HistoryBlocker {
  id: string;
  text: string;
  category: BlockerCategory;
  status: BlockerStatus;
  firstSeenWeek: string;
  lastSeenWeek: string;
  resolvedAt: string | null;
}

export interface HistoryStageChange {
  fromStage: Stage | null;
  toStage: Stage;
  changedAt: string;
}

export interface HistoryDecision {
  kind: DecisionKind;
  decidedAt: string;
  nextReviewDate: string | null;
}

export interface HistoryKpiReading {
  week: string;
  value: number;
}

export interface HistoryKpi {
  id: string;
  name: string;
  baseline: number | null;
  target: number | null;
  direction: KpiDirection;
  /** Sorted by week ascending. */
  readings: HistoryKpiReading[];
}

export const READINESS_TESTS = [
  'executive_sponsorship',
  'integration_readiness',
  'adoption_readiness',
  'workflow_redesign',
  'measurement',
  'use_case_viability',
] as const;
export type ReadinessTest = (typeof READINESS_TESTS)[number];

export const READINESS_ANSWERS = ['pass', 'partial', 'fail', 'unknown'] as const;
export type ReadinessAnswer = (typeof READINESS_ANSWERS)[number];

export interface ReadinessAnswerEntry {
  answer: ReadinessAnswer;
  note?: string | null;
}

export interface ReadinessAssessmentInput {
  assessedAt: string;
  answers: Record<ReadinessTest, ReadinessAnswerEntry>;
}

export interface PilotHistoryPilot {
  id: string;
  name: string;
  stage: Stage;
  /** ISO timestamp of the last stage change (or creation). */
  stageEnteredAt: string;
  /** Calendar date `YYYY-MM-DD`. */
  startDate: string;
  /**
   * Calendar date `YYYY-MM-DD` the pilot phase was recorded as complete, when someone recorded it.
   * The scaling timeline counts from it; without it, from entering scaling (see `timeline.ts`).
   */
  pilotCompletedOn?: string | null;
  complexity: Complexity;
  sponsorId: string | null;
  annualValueAtScale: number;
  costToScale: number;
  integrationSystems: string[];
}

/** Everything the analysis knows about one pilot. Arrays are sorted ascending as noted. */
export interface PilotHistory {
  pilot: PilotHistoryPilot;
  /** Sorted by week ascending. */
  updates: HistoryUpdate[];
  blockers: HistoryBlocker[];
  /** Sorted by changedAt ascending. */
  stageChanges: HistoryStageChange[];
  /** Sorted by decidedAt ascending. */
  decisions: HistoryDecision[];
  kpis: HistoryKpi[];
  /** Sorted by assessedAt ascending; the last one is the current assessment. */
  assessments: ReadinessAssessmentInput[];
}

/**
 * Kinds of warning signal. To add one: append it here, add a rule file under `signals/` and
 * register it in `SIGNAL_RULES` (the compiler insists, since that map is keyed by this list).
 */
export const SIGNAL_KINDS = [
  'repeated_blocker',
  'stalled_stage',
  'silent',
  'confidence_decline',
  'off_track_streak',
  'scale_question_unanswered',
  'resources_redirected',
  'over_timeline',
  'decision_overdue',
  'busy_not_progressing',
  'pilot_timebox',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface SignalResult {
  kind: SignalKind;
  fires: boolean;
  /** One human sentence with the evidence. */
  summary: string;
  /** Structured evidence: weeks, ids, dates and numbers behind the summary. */
  evidence: Record<string, unknown>;
  /** Set by rules that evaluate several subjects per pilot (the blocker id for `repeated_blocker`). */
  subjectKey?: string;
  /**
   * UTC calendar day (`YYYY-MM-DD`) the firing condition began, read from the history (the Monday of
   * a week for week-based rules). Set on firing results only; each rule's header says what it counts from.
   */
  since?: string;
}

export const PATTERNS = [
  'missing_executive_sponsor',
  'no_integration_path',
  'enthusiast_only_adoption',
  'workflow_unchanged',
  'unclear_success_metrics',
  'wrong_use_case_for_scale',
] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface PatternDiagnosis {
  pattern: Pattern;
  /** 0..1, see `patterns.ts` for the scheme. */
  confidence: number;
  /** Human sentences, data first, then the assessment. */
  evidence: string[];
  /** Intervention steps from `PATTERN_GUIDANCE`. */
  guidance: string[];
}

export const RECOMMENDATION_ACTIONS = ['scale', 'pivot', 'kill', 'keep_piloting'] as const;
export type RecommendationAction = (typeof RECOMMENDATION_ACTIONS)[number];

/** One reason of a recommendation and the rule it comes from. */
export interface RecommendationReason {
  /**
   * What produced it: the `RECOMMENDATION_RULES` row id for the verdict itself, else
   * `signal:<kind>`, `pattern:<pattern>`, `kpi:<kpi id>`, `economics`, `assessment:<test>` or `guidance:<pattern>`.
   */
  rule: string;
  text: string;
}

export interface Recommendation {
  action: RecommendationAction;
  /** The texts of `explained`, in order. */
  reasons: string[];
  /** Every reason with the rule that produced it. */
  explained: RecommendationReason[];
  /** 0-100 integer, see `readinessScore`. */
  readinessScore: number;
  /** The stuck pattern to fix first, when there is one. */
  bindingConstraint: Pattern | null;
  /** Id of the `RECOMMENDATION_RULES` row that decided. */
  ruleId: string;
}
