/**
 * Scale / pivot / kill / keep piloting, decided by an ordered rules table: the first row whose
 * `when` holds decides. Facts are computed once, so every row reads the same picture and each
 * recommendation can say which row produced it (`ruleId`).
 *
 * Closed pilots (production, killed, pivoted) are matched by the first three rows and get the
 * action that describes where they ended (scale, kill, pivot) with a "terminal_*" rule id, so a
 * dashboard can show them uniformly or filter them out by that prefix.
 */
import type { Stage } from '../enums';
import { answerOf, READINESS_TEST_LABELS } from './assessment';
import { PATTERN_GUIDANCE } from './guidance';
import { kpiProgress, KPI_PROJECTION_WEEKS, type KpiProgress } from './kpi-progress';
import { patternDataEvidence, PATTERN_PRIORITY } from './patterns';
import { readinessScore } from './readiness';
import { confidenceSlope, timelinePosition, type SignalContext } from './signals';
import { listing, round } from './stats';
import type {
  Pattern,
  PatternDiagnosis,
  PilotHistory,
  ReadinessAnswer,
  ReadinessTest,
  Recommendation,
  RecommendationAction,
  SignalResult,
} from './types';
import { READINESS_TESTS } from './types';

export interface RecommendationContext extends SignalContext {
  /** Results of the signal rules (non-firing ones are ignored). */
  signals: SignalResult[];
  patterns: PatternDiagnosis[];
}

/** Time past the complexity's upper bound after which persistent trouble means stop. */
export const KILL_TIMELINE_RATIO = 1.5;
/** Latest updates in which a lead's pivot suggestion still counts. */
export const PIVOT_SUGGESTION_UPDATES = 4;
/** Weak suspicions (partial answers only) do not outrank confirmed patterns as binding constraint. */
export const BINDING_MIN_CONFIDENCE = 0.5;

export interface RecommendationFacts {
  stage: Stage;
  assessed: boolean;
  answers: Record<ReadinessTest, ReadinessAnswer>;
  allPass: boolean;
  unknownTests: ReadinessTest[];
  readinessScore: number;
  /** KPIs with a baseline and a target. */
  measurableKpis: KpiProgress[];
  /** At least one measurable KPI, and every one reached or trending to its target. */
  kpiOnTarget: boolean;
  viabilityFailed: boolean;
  /** Elapsed time over the complexity's upper bound (1 = at the bound). */
  timelineRatio: number;
  confidenceSlope: number | null;
  /** Slope of confidence over the latest updates (at least 3) below zero. */
  confidenceFalling: boolean;
  /** Summaries of firing repeated_blocker and off_track_streak signals. */
  persistentBarriers: string[];
  adoptionFailing: boolean;
  adoptionEvidence: string[];
  /** Value at scale covers the cost to scale. */
  valueHigh: boolean;
  pivotSuggestedWeeks: string[];
  patterns: PatternDiagnosis[];
  bindingConstraint: Pattern | null;
}

export interface RecommendationRule {
  id: string;
  action: RecommendationAction;
  when: (facts: RecommendationFacts) => boolean;
  reasons: (facts: RecommendationFacts) => string[];
  /** Pattern reported as binding constraint; defaults to `facts.bindingConstraint`. */
  constraint?: (facts: RecommendationFacts) => Pattern | null;
}

function pickBindingConstraint(patterns: readonly PatternDiagnosis[]): Pattern | null {
  const firm = patterns.filter((p) => p.confidence >= BINDING_MIN_CONFIDENCE);
  const pool = firm.length > 0 ? firm : patterns;
  return PATTERN_PRIORITY.find((pattern) => pool.some((p) => p.pattern === pattern)) ?? null;
}

export function computeFacts(history: PilotHistory, ctx: RecommendationContext): RecommendationFacts {
  const { thresholds } = ctx;
  const assessed = history.assessments.length > 0;
  const answers = Object.fromEntries(READINESS_TESTS.map((t) => [t, answerOf(history, t).answer])) as Record<ReadinessTest, ReadinessAnswer>;
  const measurableKpis = history.kpis.map(kpiProgress).filter((k) => k.status !== 'not_measurable');
  const recent = history.updates.slice(-Math.max(3, thresholds.confidenceWindowUpdates));
  const slope = recent.length >= 3 ? confidenceSlope(recent) : null;
  const firing = ctx.signals.filter((s) => s.fires);
  const adoptionEvidence = patternDataEvidence('enthusiast_only_adoption', history, thresholds);
  const { annualValueAtScale, costToScale } = history.pilot;
  return {
    stage: history.pilot.stage,
    assessed,
    answers,
    allPass: assessed && READINESS_TESTS.every((t) => answers[t] === 'pass'),
    unknownTests: READINESS_TESTS.filter((t) => answers[t] === 'unknown'),
    readinessScore: readinessScore(history, thresholds),
    measurableKpis,
    kpiOnTarget: measurableKpis.length > 0 && measurableKpis.every((k) => k.status === 'reached' || k.status === 'trending'),
    viabilityFailed: answers.use_case_viability === 'fail',
    timelineRatio: timelinePosition(history, ctx.today).ratio,
    confidenceSlope: slope,
    confidenceFalling: slope !== null && slope < 0,
    persistentBarriers: firing.filter((s) => s.kind === 'repeated_blocker' || s.kind === 'off_track_streak').map((s) => s.summary),
    adoptionFailing: answers.adoption_readiness === 'fail' || adoptionEvidence.length > 0,
    adoptionEvidence,
    valueHigh: annualValueAtScale > 0 && annualValueAtScale >= costToScale,
    pivotSuggestedWeeks: history.updates.slice(-PIVOT_SUGGESTION_UPDATES).filter((u) => u.pivotSuggested === true).map((u) => u.week),
    patterns: ctx.patterns,
    bindingConstraint: pickBindingConstraint(ctx.patterns),
  };
}

function kpiSentence(k: KpiProgress): string {
  const where = `${k.name}: ${k.latest} in ${k.latestWeek} against target ${k.target} (baseline ${k.baseline})`;
  if (k.status === 'reached') return `${where}: target reached.`;
  if (k.status === 'trending') return `${where}: on trend to reach it within ${KPI_PROJECTION_WEEKS} weeks.`;
  if (k.status === 'behind') return `${where}: not on trend to reach it.`;
  return `${k.name}: no readings yet.`;
}

function diagnosisOf(facts: RecommendationFacts, pattern: Pattern): PatternDiagnosis | undefined {
  return facts.patterns.find((p) => p.pattern === pattern);
}

/** A keep-piloting row for one stuck pattern: fires when it is the binding constraint. */
function fixFirst(id: string, pattern: Pattern): RecommendationRule {
  return {
    id,
    action: 'keep_piloting',
    when: (f) => f.bindingConstraint === pattern,
    reasons: (f) => {
      const others = f.patterns.filter((p) => p.pattern !== pattern).map((p) => PATTERN_GUIDANCE[p.pattern].title.toLowerCase());
      return [
        `Keep piloting, but fix first: ${PATTERN_GUIDANCE[pattern].title.toLowerCase()}.`,
        ...(diagnosisOf(f, pattern)?.evidence ?? []),
        `Next step: ${PATTERN_GUIDANCE[pattern].steps[0]}`,
        ...(others.length > 0 ? [`Also to address afterwards: ${listing(others)}.`] : []),
      ];
    },
  };
}

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    id: 'terminal_production',
    action: 'scale',
    when: (f) => f.stage === 'production',
    reasons: () => ['Already in production: the pilot has scaled and no decision is pending.'],
    constraint: () => null,
  },
  {
    id: 'terminal_killed',
    action: 'kill',
    when: (f) => f.stage === 'killed',
    reasons: () => ['Already killed: no decision is pending.'],
    constraint: () => null,
  },
  {
    id: 'terminal_pivoted',
    action: 'pivot',
    when: (f) => f.stage === 'pivoted',
    reasons: () => ['Already pivoted: decisions now belong to the successor pilot.'],
    constraint: () => null,
  },
  {
    id: 'kill_not_viable',
    action: 'kill',
    when: (f) => f.viabilityFailed,
    reasons: (f) => [
      'Kill: the use case fails the viability test, so scaling would not pay back whatever the pilot shows.',
      ...(diagnosisOf(f, 'wrong_use_case_for_scale')?.evidence ?? []),
    ],
    constraint: () => 'wrong_use_case_for_scale',
  },
  {
    id: 'scale_ready',
    action: 'scale',
    when: (f) => f.allPass && f.kpiOnTarget && f.patterns.length === 0,
    reasons: (f) => ['Scale: all six readiness tests pass and nothing in the data contradicts them.', ...f.measurableKpis.map(kpiSentence)],
    constraint: () => null,
  },
  {
    id: 'kill_stalled_past_timeline',
    action: 'kill',
    when: (f) => f.timelineRatio > KILL_TIMELINE_RATIO && f.confidenceFalling && f.persistentBarriers.length > 0,
    reasons: (f) => [
      `Kill: ${round(f.timelineRatio, 2)}x the upper bound of the expected timeline, confidence still falling ` +
        `(${round(f.confidenceSlope ?? 0, 2)} per week) and the same barriers persist.`,
      ...f.persistentBarriers,
    ],
  },
  {
    id: 'pivot_suggested_by_lead',
    action: 'pivot',
    when: (f) => f.pivotSuggestedWeeks.length > 0,
    reasons: (f) => [
      `Pivot: the pilot lead suggested a different user group or workflow in ${listing(f.pivotSuggestedWeeks)}.`,
    ],
  },
  {
    id: 'pivot_adoption_high_value',
    action: 'pivot',
    when: (f) => f.adoptionFailing && f.valueHigh,
    reasons: (f) => [
      'Pivot: the value at scale is there but the intended users are not adopting; aim the tool at a group or workflow that will.',
      ...f.adoptionEvidence,
      ...(f.answers.adoption_readiness === 'fail' ? ['The adoption readiness test failed.'] : []),
    ],
    constraint: () => 'enthusiast_only_adoption',
  },
  fixFirst('keep_piloting_sponsorship', 'missing_executive_sponsor'),
  fixFirst('keep_piloting_viability', 'wrong_use_case_for_scale'),
  fixFirst('keep_piloting_integration', 'no_integration_path'),
  fixFirst('keep_piloting_metrics', 'unclear_success_metrics'),
  fixFirst('keep_piloting_adoption', 'enthusiast_only_adoption'),
  fixFirst('keep_piloting_workflow', 'workflow_unchanged'),
  {
    id: 'keep_piloting_unassessed',
    action: 'keep_piloting',
    when: (f) => !f.assessed,
    reasons: () => ['Keep piloting: run the readiness assessment; without it there is no basis for a scale decision.'],
  },
  {
    id: 'keep_piloting_gather_evidence',
    action: 'keep_piloting',
    when: () => true,
    reasons: (f) => [
      'Keep piloting: no stuck pattern found, but the case for scaling is not complete yet.',
      ...f.unknownTests.map((t) => `Answer the ${READINESS_TEST_LABELS[t]} test.`),
      ...(f.measurableKpis.length === 0 ? ['Define a KPI with a baseline and a target.'] : f.measurableKpis.map(kpiSentence)),
    ],
  },
];

export function recommend(history: PilotHistory, ctx: RecommendationContext): Recommendation {
  const facts = computeFacts(history, ctx);
  const rule = RECOMMENDATION_RULES.find((r) => r.when(facts));
  // The last row always matches; this guards against someone reordering the table.
  if (!rule) throw new Error('RECOMMENDATION_RULES must end with a catch-all row');
  return {
    action: rule.action,
    reasons: rule.reasons(facts),
    readinessScore: facts.readinessScore,
    bindingConstraint: rule.constraint ? rule.constraint(facts) : facts.bindingConstraint,
    ruleId: rule.id,
  };
}
