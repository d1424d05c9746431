/** The REST contract of stuck detection, diagnosis and recommendation. */
import type { Stage } from './enums';
import type { PersonRef } from './api';
import type {
  Pattern,
  RecommendationAction,
  RecommendationReason,
  ReadinessAnswer,
  ReadinessTest,
  SignalKind,
} from './analysis/types';
import type { SignalThresholds } from './analysis/thresholds';
import type { ReanalysisSummary } from './webhook-events';
import type { ReadinessTestScore } from './analysis/readiness';

export const FLAG_STATUSES = ['open', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** A stuck sign with a lifecycle: opened when its rule first fires, resolved when it stops firing. */
export interface SignalFlag {
  id: string;
  pilotId: string;
  pilotName: string;
  businessUnitId: string;
  businessUnitName: string;
  stage: Stage;
  kind: SignalKind;
  /** Which blocker (for repeated_blocker), empty for whole-pilot signals. */
  subjectKey: string;
  status: FlagStatus;
  summary: string;
  evidence: Record<string, unknown>;
  /** `YYYY-MM-DD` the condition began by the pilot's history; null when not recorded (older flags). */
  conditionSince: string | null;
  /** When a run first saw the rule fire. */
  openedAt: string;
  /** When a run last found the flag saying something new (runs over unchanged data write nothing). */
  lastSeenAt: string;
  resolvedAt: string | null;
}

/** One pilot of the stuck list with its matching flags (`GET /flags/by-pilot`). */
export interface StuckPilot {
  pilotId: string;
  pilotName: string;
  businessUnitId: string;
  businessUnitName: string;
  stage: Stage;
  flags: SignalFlag[];
}

export interface FlagListQuery {
  status?: FlagStatus | 'all';
  kind?: SignalKind;
  businessUnitId?: string;
  stage?: Stage;
  pilotId?: string;
  /** Flags of pilots whose current diagnosis contains this pattern. */
  pattern?: Pattern;
  /** Flags of pilots this executive sponsors. */
  sponsorId?: string;
  page?: number;
  pageSize?: number;
}

export interface ReadinessAssessment {
  id: string;
  pilotId: string;
  assessedAt: string;
  assessedBy: PersonRef | null;
  answers: Record<ReadinessTest, { answer: ReadinessAnswer; note: string | null }>;
}

export interface CreateAssessmentRequest {
  answers: Record<ReadinessTest, { answer: ReadinessAnswer; note?: string | null }>;
  assessedById?: string | null;
}

export interface PatternView {
  pattern: Pattern;
  title: string;
  description: string;
  confidence: number;
  evidence: string[];
  guidance: string[];
}

export interface RecommendationView {
  action: RecommendationAction;
  reasons: string[];
  /** The reasons with the rule that produced each (see `RecommendationReason`). */
  explained: RecommendationReason[];
  readinessScore: number;
  bindingConstraint: Pattern | null;
  ruleId: string;
}

/** Everything Liftoff concludes about one pilot right now. */
export interface PilotDiagnosis {
  pilotId: string;
  /** When the diagnosis last changed (an analysis that reaches the same conclusion leaves it). */
  computedAt: string;
  openFlags: SignalFlag[];
  patterns: PatternView[];
  recommendation: RecommendationView;
  readiness: ReadinessTestScore[];
  latestAssessment: ReadinessAssessment | null;
  previousAssessment: ReadinessAssessment | null;
}

export interface PortfolioSummary {
  pilots: number;
  stuckPilots: number;
  flagsBySignal: Record<SignalKind, number>;
  pilotsByPattern: Record<Pattern, number>;
  recommendations: Record<RecommendationAction, number>;
  byUnit: { businessUnitId: string; businessUnitName: string; pilots: number; stuckPilots: number; patterns: Record<Pattern, number> }[];
}

export interface AnalysisSettings {
  thresholds: SignalThresholds;
  version: number;
  updatedAt: string;
}

/** The answer of a save: the thresholds now in force, and what re-assessing every pilot with them found. */
export interface SavedAnalysisSettings extends AnalysisSettings {
  reassessed: ReanalysisSummary;
}

export interface UpdateAnalysisSettingsRequest {
  thresholds: Partial<SignalThresholds>;
  version: number;
}

export interface SweepResult {
  ran: boolean;
  /** Why it did not run (another sweep holds the lock). */
  reason?: string;
  pilots: number;
  flagsOpened: number;
  flagsResolved: number;
  durationMs: number;
}

export interface PatternGuidanceView {
  pattern: Pattern;
  title: string;
  description: string;
  steps: string[];
}
