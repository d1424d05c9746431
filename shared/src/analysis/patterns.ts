/**
 * Diagnosis of the six ways pilots get stuck. Each pattern is judged from two independent sources:
 * the data the pilot produces (sponsor field, open blockers, user counts, KPIs, value vs cost) and
 * the latest readiness assessment's answer to the matching test.
 *
 * Confidence scheme (see `patternConfidence`), highest when both sources agree:
 *
 *   data \ answer   fail   partial   unknown / not assessed   pass
 *   evidence        0.9    0.75      0.6                      0.5 (the data contradicts the answer)
 *   none            0.6    0.3       -                        -
 *
 * A pattern is reported when the confidence is above zero.
 */
import type { BlockerCategory, Stage } from '../enums';
import { answerOf, BLOCKER_CATEGORY_LABELS, describeAnswer, READINESS_TEST_LABELS } from './assessment';
import { PATTERN_GUIDANCE } from './guidance';
import { amount, listing, percent } from './stats';
import { DEFAULT_THRESHOLDS, type SignalThresholds } from './thresholds';
import type { HistoryUpdate, Pattern, PatternDiagnosis, PilotHistory, ReadinessAnswer, ReadinessTest } from './types';
import { PATTERNS } from './types';

interface PatternDefinition {
  /** Open blockers in these categories are data evidence of the pattern. */
  blockerCategories: readonly BlockerCategory[];
  /** Further data evidence, as human sentences (empty when the data shows nothing). */
  data: (history: PilotHistory, thresholds: SignalThresholds) => string[];
}

/** The latest N updates that had any active users, when there are N of them. */
export function adoptionWindow(history: PilotHistory, thresholds: SignalThresholds): HistoryUpdate[] | null {
  // Weeks without users say nothing about who uses the tool, so they are skipped, not counted.
  // Walks back from the latest update: a long history is not copied to look at its last few weeks.
  const n = thresholds.adoptionWindowUpdates;
  if (!Number.isInteger(n) || n < 1) {
    const withUsers = history.updates.filter((u) => u.activeUsers > 0);
    return withUsers.length >= n ? withUsers.slice(-n) : null;
  }
  const window: HistoryUpdate[] = [];
  for (let i = history.updates.length - 1; i >= 0 && window.length < n; i -= 1) {
    if (history.updates[i].activeUsers > 0) window.push(history.updates[i]);
  }
  return window.length >= n ? window.reverse() : null;
}

function enthusiastOnlyEvidence(history: PilotHistory, thresholds: SignalThresholds): string[] {
  const window = adoptionWindow(history, thresholds);
  const min = thresholds.adoptionOutsideShareMin;
  if (!window || !window.every((u) => u.activeUsersOutsideTeam / u.activeUsers < min)) return [];
  const latest = window[window.length - 1];
  const highest = Math.max(...window.map((u) => u.activeUsersOutsideTeam / u.activeUsers));
  return [
    `Users from outside the pilot team stayed below ${percent(min)} of active users in each of the last ` +
      `${window.length} updates (at most ${percent(highest)}; ${latest.week}: ${latest.activeUsersOutsideTeam} of ${latest.activeUsers}).`,
  ];
}

/** Both amounts recorded: 0 means nobody entered it, so it proves nothing either way. */
export function economicsKnown(history: PilotHistory): boolean {
  return history.pilot.annualValueAtScale > 0 && history.pilot.costToScale > 0;
}

/** Value at scale below cost to scale times the hurdle; false while the economics are unknown. */
export function economicsFail(history: PilotHistory, thresholds: SignalThresholds): boolean {
  return economicsKnown(history) && history.pilot.annualValueAtScale < history.pilot.costToScale * thresholds.valueToCostHurdle;
}

/** Stages in which the pilot phase is over, so its economics should be known by now. */
const PAST_PILOT_PHASE: readonly Stage[] = ['scaling'];

function metricsEvidence(history: PilotHistory): string[] {
  const evidence: string[] = [];
  if (history.kpis.length === 0) evidence.push('No KPI is defined for the pilot.');
  else if (!history.kpis.some((k) => k.baseline !== null && k.target !== null)) {
    evidence.push(`None of the ${history.kpis.length} KPIs (${listing(history.kpis.map((k) => k.name))}) has both a baseline and a target.`);
  }
  const pastPilot = PAST_PILOT_PHASE.includes(history.pilot.stage) || Boolean(history.pilot.pilotCompletedOn);
  if (pastPilot && !economicsKnown(history)) {
    evidence.push('The pilot phase is over but its annual value at scale or cost to scale is still not recorded.');
  }
  return evidence;
}

function viabilityEvidence(history: PilotHistory, thresholds: SignalThresholds): string[] {
  if (!economicsFail(history, thresholds)) return [];
  const { annualValueAtScale, costToScale } = history.pilot;
  const hurdle = thresholds.valueToCostHurdle === 1 ? '' : ` times the hurdle of ${thresholds.valueToCostHurdle}`;
  return [`Annual value at scale (${amount(annualValueAtScale)}) is below the cost to scale (${amount(costToScale)})${hurdle}.`];
}

export const PATTERN_DEFINITIONS: Readonly<Record<Pattern, PatternDefinition>> = {
  missing_executive_sponsor: {
    // Budget trouble is a sponsor's job to solve, and a sign the case may not pay.
    blockerCategories: ['sponsorship', 'budget'],
    data: (h) => (h.pilot.sponsorId === null ? ['No executive sponsor is named for the pilot.'] : []),
  },
  no_integration_path: { blockerCategories: ['integration', 'data', 'security_compliance'], data: () => [] },
  enthusiast_only_adoption: { blockerCategories: ['adoption'], data: enthusiastOnlyEvidence },
  workflow_unchanged: { blockerCategories: ['workflow'], data: () => [] },
  unclear_success_metrics: { blockerCategories: ['metrics'], data: metricsEvidence },
  wrong_use_case_for_scale: { blockerCategories: ['budget'], data: viabilityEvidence },
};

export const PATTERN_TESTS: Readonly<Record<Pattern, ReadinessTest>> = {
  missing_executive_sponsor: 'executive_sponsorship',
  no_integration_path: 'integration_readiness',
  enthusiast_only_adoption: 'adoption_readiness',
  workflow_unchanged: 'workflow_redesign',
  unclear_success_metrics: 'measurement',
  wrong_use_case_for_scale: 'use_case_viability',
};

export const TEST_PATTERNS = Object.fromEntries(
  PATTERNS.map((pattern) => [PATTERN_TESTS[pattern], pattern]),
) as Readonly<Record<ReadinessTest, Pattern>>;

/** Order in which stuck patterns must be fixed: without a sponsor nothing else moves. */
export const PATTERN_PRIORITY: readonly Pattern[] = [
  'missing_executive_sponsor',
  'wrong_use_case_for_scale',
  'no_integration_path',
  'unclear_success_metrics',
  'enthusiast_only_adoption',
  'workflow_unchanged',
];

/** What the pilot's own data says about a pattern, as sentences; empty when it shows nothing. */
export function patternDataEvidence(
  pattern: Pattern,
  history: PilotHistory,
  thresholds: SignalThresholds = DEFAULT_THRESHOLDS,
): string[] {
  const definition = PATTERN_DEFINITIONS[pattern];
  const blockers = history.blockers
    .filter((b) => b.status === 'open' && definition.blockerCategories.includes(b.category))
    .map((b) => `Open ${BLOCKER_CATEGORY_LABELS[b.category]} blocker since ${b.firstSeenWeek}: '${b.text}'.`);
  return [...definition.data(history, thresholds), ...blockers];
}

/** See the table at the top of this file. `null` means the pilot has no assessment. */
export function patternConfidence(hasData: boolean, answer: ReadinessAnswer | null): number {
  if (hasData) {
    if (answer === 'fail') return 0.9;
    if (answer === 'partial') return 0.75;
    if (answer === 'pass') return 0.5;
    return 0.6;
  }
  if (answer === 'fail') return 0.6;
  if (answer === 'partial') return 0.3;
  return 0;
}

export function diagnosePattern(
  pattern: Pattern,
  history: PilotHistory,
  thresholds: SignalThresholds = DEFAULT_THRESHOLDS,
): PatternDiagnosis | null {
  const test = PATTERN_TESTS[pattern];
  const data = patternDataEvidence(pattern, history, thresholds);
  const assessed = history.assessments.length > 0;
  const answer = assessed ? answerOf(history, test).answer : null;
  const confidence = patternConfidence(data.length > 0, answer);
  if (confidence === 0) return null;
  const evidence = [...data];
  const assessmentSentence = describeAnswer(history, test);
  if (assessmentSentence && answer !== 'unknown') {
    evidence.push(answer === 'pass' ? `${assessmentSentence.slice(0, -1)}, which the data above contradicts.` : assessmentSentence);
  } else if (data.length > 0) {
    evidence.push(`The ${READINESS_TEST_LABELS[test]} test has not been answered yet.`);
  }
  if (pattern === 'no_integration_path' && history.pilot.integrationSystems.length > 0) {
    evidence.push(`Systems to integrate with: ${listing(history.pilot.integrationSystems)}.`);
  }
  return { pattern, confidence, evidence, guidance: [...PATTERN_GUIDANCE[pattern].steps] };
}

/**
 * The detected patterns, most confident first; ties follow `PATTERN_PRIORITY`. Thresholds supply
 * the adoption share and window (defaults when omitted).
 */
export function diagnosePatterns(history: PilotHistory, thresholds: SignalThresholds = DEFAULT_THRESHOLDS): PatternDiagnosis[] {
  return PATTERN_PRIORITY.map((pattern) => diagnosePattern(pattern, history, thresholds))
    .filter((d): d is PatternDiagnosis => d !== null)
    .sort((a, b) => b.confidence - a.confidence || PATTERN_PRIORITY.indexOf(a.pattern) - PATTERN_PRIORITY.indexOf(b.pattern));
}
