/**
 * Scale / pivot / kill / keep piloting, decided by an ordered rules table: the first row whose
 * `when` holds decides. Facts are computed once, so every row reads the same picture; each
 * recommendation says which row produced it (`ruleId`) and each of its reasons which rule, signal,
 * pattern or KPI it comes from (`explained`).
 *
 * The order is the argument:
 *  1. closed pilots describe where they ended ("terminal_*", so a dashboard can filter them);
 *  2. kill from the data: economics below the hurdle, a failed viability test (both unless the
 *     lead proposes a pivot: a limited use case with a promising neighbour is the pivot case), or
 *     long past the timeline with the same barriers and low confidence;
 *  3. the binding constraint first: without a sponsor nothing else moves, so "secure a sponsor"
 *     comes before any pivot or fix;
 *  4. a paused pilot is resumed or stopped before anything else is decided about it;
 *  5. pivot on the lead's recent suggestion;
 *  6. scale only when nothing in the evidence says otherwise;
 *  7. keep piloting, with the one thing to fix first.
 */
import type { Stage } from '../enums';
import { answerOf, READINESS_TEST_LABELS } from './assessment';
import { PATTERN_GUIDANCE } from './guidance';
import { kpiProgress, KPI_PROJECTION_WEEKS, KPI_SUSTAINED_READINGS, type KpiProgress } from './kpi-progress';
import { economicsFail, economicsKnown, patternDataEvidence, PATTERN_PRIORITY } from './patterns';
import { readinessScore, sponsorshipFails } from './readiness';
import { confidenceSlope, type SignalContext } from './signals';
import { amount, listing, round } from './stats';
import { timelinePosition, type TimelinePosition } from './timeline';
import type {
  Pattern,
  PatternDiagnosis,
  PilotHistory,
  ReadinessAnswer,
  ReadinessTest,
  Recommendation,
  RecommendationAction,
  RecommendationReason,
  SignalKind,
  SignalResult,
} from './types';
import { READINESS_TESTS } from './types';

export interface RecommendationContext extends SignalContext {
  /** Results of the signal rules (non-firing ones are ignored). */
  signals: SignalResult[];
  patterns: PatternDiagnosis[];
}

/** Time past the phase's bound after which persistent trouble means stop. */
export const KILL_TIMELINE_RATIO = 1.5;
/** Latest updates in which a lead's pivot suggestion still counts. */
export const PIVOT_SUGGESTION_UPDATES = 4;
/** Weak suspicions (partial answers only) do not outrank confirmed patterns as binding constraint. */
export const BINDING_MIN_CONFIDENCE = 0.5;
/** Open flags of these kinds are live barriers: while one is open the pilot is not scaled. */
export const LIVE_BARRIER_SIGNALS: readonly SignalKind[] = [
  'repeated_blocker',
  'off_track_streak',
  'confidence_decline',
  'resources_redirected',
  'busy_not_progressing',
  'silent',
];
/** The barriers that make a late pilot's trouble persistent (kill_stalled_past_timeline). */
const PERSISTENT_BARRIER_SIGNALS: readonly SignalKind[] = ['repeated_blocker', 'off_track_streak'];

export interface RecommendationFacts {
  stage: Stage;
  assessed: boolean;
  answers: Record<ReadinessTest, ReadinessAnswer>;
  allPass: boolean;
  unknownTests: ReadinessTest[];
  readinessScore: number;
  /** KPIs with a baseline and a target. */
  measurableKpis: KpiProgress[];
  /** At least one measurable KPI, and every one reached (sustained) or trending to its target. */
  kpiOnTarget: boolean;
  viabilityFailed: boolean;
  /** Value at scale and cost to scale are both recorded (0 means not entered). */
  economicsKnown: boolean;
  /** Known, and the value is below cost x hurdle. */
  economicsFail: boolean;
  /** Known, and the value covers cost x hurdle. */
  valueHigh: boolean;
  hurdle: number;
  annualValueAtScale: number;
  costToScale: number;
  timeline: TimelinePosition;
  latestConfidence: number | null;
  confidenceSlope: number | null;
  /** Latest confidence at or below `killConfidenceMax`, or falling over the latest updates. */
  confidenceLow: boolean;
  killConfidenceMax: number;
  /** Firing repeated_blocker and off_track_streak signals. */
  persistentBarriers: SignalResult[];
  /** Firing signals of LIVE_BARRIER_SIGNALS kinds. */
  liveBarriers: SignalResult[];
  sponsorshipFails: boolean;
  adoptionFailing: boolean;
  adoptionEvidence: string[];
  pivotSuggestedWeeks: string[];
  patterns: PatternDiagnosis[];
  bindingConstraint: Pattern | null;
}

export interface RecommendationRule {
  id: string;
  action: RecommendationAction;
  when: (facts: RecommendationFacts) => boolean;
  /** The first reason is the verdict (attributed to this row); the rest is the evidence behind it. */
  reasons: (facts: RecommendationFacts) => RecommendationReason[];
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
  const latestConfidence = history.updates.length > 0 ? history.updates[history.updates.length - 1].confidence : null;
  const firing = ctx.signals.filter((s) => s.fires);
  const adoptionEvidence = patternDataEvidence('enthusiast_only_adoption', history, thresholds);
  const known = economicsKnown(history);
  const fail = economicsFail(history, thresholds);
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
    economicsKnown: known,
    economicsFail: fail,
    valueHigh: known && !fail,
    hurdle: thresholds.valueToCostHurdle,
    annualValueAtScale: history.pilot.annualValueAtScale,
    costToScale: history.pilot.costToScale,
    timeline: ctx.timeline ?? timelinePosition(history, ctx.today, thresholds),
    latestConfidence,
    confidenceSlope: slope,
    confidenceLow: (latestConfidence !== null && latestConfidence <= thresholds.killConfidenceMax) || (slope !== null && slope < 0),
    killConfidenceMax: thresholds.killConfidenceMax,
    persistentBarriers: firing.filter((s) => PERSISTENT_BARRIER_SIGNALS.includes(s.kind)),
    liveBarriers: firing.filter((s) => LIVE_BARRIER_SIGNALS.includes(s.kind)),
    sponsorshipFails: sponsorshipFails(history),
    adoptionFailing: answers.adoption_readiness === 'fail' || adoptionEvidence.length > 0,
    adoptionEvidence,
    pivotSuggestedWeeks: history.updates.slice(-PIVOT_SUGGESTION_UPDATES).filter((u) => u.pivotSuggested === true).map((u) => u.week),
    patterns: ctx.patterns,
    bindingConstraint: pickBindingConstraint(ctx.patterns),
  };
}

const because = (rule: string, text: string): RecommendationReason => ({ rule, text });
const fromSignals = (signals: readonly SignalResult[]) => signals.map((s) => because(`signal:${s.kind}`, s.summary));

function kpiSentence(k: KpiProgress): RecommendationReason {
  const where = `${k.name}: ${k.latest} in ${k.latestWeek} against target ${k.target} (baseline ${k.baseline})`;
  let text = `${k.name}: no readings yet.`;
  if (k.status === 'reached') text = `${where}: target reached and held for the last ${KPI_SUSTAINED_READINGS} readings.`;
  else if (k.status === 'trending') text = `${where}: on trend to reach it within ${KPI_PROJECTION_WEEKS} weeks.`;
  else if (k.status === 'not_sustained') text = `${where}: at target, but not yet for ${KPI_SUSTAINED_READINGS} readings in a row.`;
  else if (k.status === 'behind') text = `${where}: not on trend to reach it.`;
  return because(`kpi:${k.kpiId}`, text);
}

function economicsSentence(f: RecommendationFacts): RecommendationReason {
  if (!f.economicsKnown) return because('economics', 'Record the annual value at scale and the cost to scale: without them viability is unknown.');
  const ratio = round(f.annualValueAtScale / f.costToScale, 2);
  const verb = f.economicsFail ? 'is below' : 'covers';
  return because(
    'economics',
    `Annual value at scale (${amount(f.annualValueAtScale)}) ${verb} the cost to scale (${amount(f.costToScale)}) at a hurdle of ${f.hurdle} (ratio ${ratio}).`,
  );
}

function diagnosisReasons(facts: RecommendationFacts, pattern: Pattern): RecommendationReason[] {
  return (facts.patterns.find((p) => p.pattern === pattern)?.evidence ?? []).map((text) => because(`pattern:${pattern}`, text));
}

function afterwards(f: RecommendationFacts, pattern: Pattern): RecommendationReason[] {
  const others = f.patterns.filter((p) => p.pattern !== pattern);
  if (others.length === 0) return [];
  const titles = others.map((p) => PATTERN_GUIDANCE[p.pattern].title.toLowerCase());
  return [because(others.map((p) => `pattern:${p.pattern}`).join(','), `Also to address afterwards: ${listing(titles)}.`)];
}

/** A keep-piloting row for one stuck pattern: fires when it is the binding constraint. */
function fixFirst(id: string, pattern: Pattern): RecommendationRule {
  return {
    id,
    action: 'keep_piloting',
    when: (f) => f.bindingConstraint === pattern,
    reasons: (f) => [
      because(id, `Keep piloting, but fix first: ${PATTERN_GUIDANCE[pattern].title.toLowerCase()}.`),
      ...diagnosisReasons(f, pattern),
      because(`guidance:${pattern}`, `Next step: ${PATTERN_GUIDANCE[pattern].steps[0]}`),
      ...afterwards(f, pattern),
    ],
    constraint: () => pattern,
  };
}

const ADOPTION_PRIORITY = PATTERN_PRIORITY.indexOf('enthusiast_only_adoption');

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    id: 'terminal_production',
    action: 'scale',
    when: (f) => f.stage === 'production',
    reasons: () => [because('terminal_production', 'Already in production: the pilot has scaled and no decision is pending.')],
    constraint: () => null,
  },
  {
    id: 'terminal_killed',
    action: 'kill',
    when: (f) => f.stage === 'killed',
    reasons: () => [because('terminal_killed', 'Already killed: no decision is pending.')],
    constraint: () => null,
  },
  {
    id: 'terminal_pivoted',
    action: 'pivot',
    when: (f) => f.stage === 'pivoted',
    reasons: () => [because('terminal_pivoted', 'Already pivoted: decisions now belong to the successor pilot.')],
    constraint: () => null,
  },
  {
    id: 'kill_below_hurdle',
    action: 'kill',
    when: (f) => f.economicsFail && f.pivotSuggestedWeeks.length === 0,
    reasons: (f) => [
      because('kill_below_hurdle', 'Kill: the value at scale does not earn back the cost to scale, so scaling would not pay whatever the pilot shows.'),
      economicsSentence(f),
    ],
    constraint: () => 'wrong_use_case_for_scale',
  },
  {
    id: 'kill_not_viable',
    action: 'kill',
    when: (f) => f.viabilityFailed && f.pivotSuggestedWeeks.length === 0,
    reasons: (f) => [
      because('kill_not_viable', 'Kill: the use case fails the viability test, so scaling would not pay back whatever the pilot shows.'),
      ...diagnosisReasons(f, 'wrong_use_case_for_scale'),
    ],
    constraint: () => 'wrong_use_case_for_scale',
  },
  {
    id: 'kill_stalled_past_timeline',
    action: 'kill',
    when: (f) => f.timeline.ratio > KILL_TIMELINE_RATIO && f.confidenceLow && f.persistentBarriers.length > 0,
    reasons: (f) => {
      const confidence =
        f.latestConfidence !== null && f.latestConfidence <= f.killConfidenceMax
          ? `confidence is down to ${f.latestConfidence} of 5`
          : `confidence is still falling (${round(f.confidenceSlope ?? 0, 2)} per week)`;
      const bound = f.timeline.phase === 'piloting' ? 'pilot timebox' : 'expected scaling timeline';
      return [
        because(
          'kill_stalled_past_timeline',
          `Kill: ${round(f.timeline.ratio, 2)}x the ${bound} (${f.timeline.boundMonths} months), ${confidence} and the same barriers persist.`,
        ),
        ...fromSignals(f.persistentBarriers),
      ];
    },
  },
  {
    id: 'keep_piloting_sponsorship',
    action: 'keep_piloting',
    when: (f) => f.sponsorshipFails || f.bindingConstraint === 'missing_executive_sponsor',
    reasons: (f) => [
      because('keep_piloting_sponsorship', 'Keep piloting, but secure a sponsor first: without one no fix, pivot or scale decision will hold.'),
      ...diagnosisReasons(f, 'missing_executive_sponsor'),
      because('guidance:missing_executive_sponsor', `Next step: ${PATTERN_GUIDANCE.missing_executive_sponsor.steps[0]}`),
      ...afterwards(f, 'missing_executive_sponsor'),
    ],
    constraint: () => 'missing_executive_sponsor',
  },
  {
    id: 'keep_piloting_paused',
    action: 'keep_piloting',
    when: (f) => f.stage === 'paused',
    reasons: (f) => [
      because('keep_piloting_paused', 'Paused: resume the pilot (or stop it) before deciding on scale; a paused pilot is never scaled.'),
      ...(f.bindingConstraint ? [because(`pattern:${f.bindingConstraint}`, `Fix first when it resumes: ${PATTERN_GUIDANCE[f.bindingConstraint].title.toLowerCase()}.`)] : []),
    ],
  },
  {
    id: 'pivot_suggested_by_lead',
    action: 'pivot',
    when: (f) => f.pivotSuggestedWeeks.length > 0,
    reasons: (f) => [
      because('pivot_suggested_by_lead', `Pivot: the pilot lead suggested a different user group or workflow in ${listing(f.pivotSuggestedWeeks)}.`),
      ...(f.economicsFail || f.viabilityFailed
        ? [because('economics', 'The use case as scoped does not pay back; the pivot is the way to keep what the pilot learned.')]
        : []),
    ],
  },
  {
    id: 'scale_ready',
    action: 'scale',
    when: (f) => f.allPass && f.kpiOnTarget && f.patterns.length === 0 && f.liveBarriers.length === 0 && f.valueHigh,
    reasons: (f) => [
      because('scale_ready', 'Scale: all six readiness tests pass, no stuck sign is open and nothing in the data contradicts them.'),
      ...f.measurableKpis.map(kpiSentence),
      economicsSentence(f),
    ],
    constraint: () => null,
  },
  {
    // Users outside the pilot team are not picking the tool up, but the value is there: that is a
    // change-management job (recruit, embed, set expectations), not a reason to change course.
    id: 'keep_piloting_change_management',
    action: 'keep_piloting',
    when: (f) =>
      f.adoptionFailing && f.valueHigh && (f.bindingConstraint === null || PATTERN_PRIORITY.indexOf(f.bindingConstraint) >= ADOPTION_PRIORITY),
    reasons: (f) => [
      because(
        'keep_piloting_change_management',
        'Keep piloting with change management: the value at scale is there, but beyond the pilot team the intended users are not adopting yet.',
      ),
      ...f.adoptionEvidence.map((text) => because('pattern:enthusiast_only_adoption', text)),
      ...(f.answers.adoption_readiness === 'fail' ? [because('assessment:adoption_readiness', 'The adoption readiness test failed.')] : []),
      economicsSentence(f),
      ...PATTERN_GUIDANCE.enthusiast_only_adoption.steps.map((step) => because('guidance:enthusiast_only_adoption', step)),
    ],
    constraint: () => 'enthusiast_only_adoption',
  },
  fixFirst('keep_piloting_viability', 'wrong_use_case_for_scale'),
  fixFirst('keep_piloting_integration', 'no_integration_path'),
  fixFirst('keep_piloting_metrics', 'unclear_success_metrics'),
  fixFirst('keep_piloting_adoption', 'enthusiast_only_adoption'),
  fixFirst('keep_piloting_workflow', 'workflow_unchanged'),
  {
    id: 'keep_piloting_live_barriers',
    action: 'keep_piloting',
    when: (f) => f.liveBarriers.length > 0,
    reasons: (f) => [
      because('keep_piloting_live_barriers', 'Keep piloting: clear the open stuck signs before a scale decision; they contradict a clean readiness picture.'),
      ...fromSignals(f.liveBarriers),
    ],
  },
  {
    id: 'keep_piloting_unassessed',
    action: 'keep_piloting',
    when: (f) => !f.assessed,
    reasons: () => [because('keep_piloting_unassessed', 'Keep piloting: run the readiness assessment; without it there is no basis for a scale decision.')],
  },
  {
    id: 'keep_piloting_gather_evidence',
    action: 'keep_piloting',
    when: () => true,
    reasons: (f) => [
      because('keep_piloting_gather_evidence', 'Keep piloting: no stuck pattern found, but the case for scaling is not complete yet.'),
      ...f.unknownTests.map((t) => because(`assessment:${t}`, `Answer the ${READINESS_TEST_LABELS[t]} test.`)),
      ...(f.measurableKpis.length === 0 ? [because('kpi', 'Define a KPI with a baseline and a target.')] : f.measurableKpis.map(kpiSentence)),
      ...(f.economicsKnown ? [] : [economicsSentence(f)]),
    ],
  },
];

export function recommend(history: PilotHistory, ctx: RecommendationContext): Recommendation {
  const facts = computeFacts(history, ctx);
  const rule = RECOMMENDATION_RULES.find((r) => r.when(facts));
  // The last row always matches; this guards against someone reordering the table.
  if (!rule) throw new Error('RECOMMENDATION_RULES must end with a catch-all row');
  const explained = rule.reasons(facts);
  return {
    action: rule.action,
    reasons: explained.map((r) => r.text),
    explained,
    readinessScore: facts.readinessScore,
    bindingConstraint: rule.constraint ? rule.constraint(facts) : facts.bindingConstraint,
    ruleId: rule.id,
  };
}
