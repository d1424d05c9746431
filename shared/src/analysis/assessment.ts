/** Reading the readiness assessment: the latest one is the current view of the six tests. */
import type { BlockerCategory } from '../enums';
import type { PilotHistory, ReadinessAnswer, ReadinessAnswerEntry, ReadinessAssessmentInput, ReadinessTest } from './types';

export const READINESS_TEST_LABELS: Readonly<Record<ReadinessTest, string>> = {
  executive_sponsorship: 'executive sponsorship',
  integration_readiness: 'integration readiness',
  adoption_readiness: 'adoption readiness',
  workflow_redesign: 'workflow redesign',
  measurement: 'measurement',
  use_case_viability: 'use-case viability',
};

export const BLOCKER_CATEGORY_LABELS: Readonly<Record<BlockerCategory, string>> = {
  sponsorship: 'sponsorship',
  integration: 'integration',
  security_compliance: 'security & compliance',
  adoption: 'adoption',
  workflow: 'workflow',
  data: 'data',
  metrics: 'metrics',
  budget: 'budget',
  other: 'other',
};

export function latestAssessment(history: PilotHistory): ReadinessAssessmentInput | null {
  return history.assessments.length > 0 ? history.assessments[history.assessments.length - 1] : null;
}

/** The latest answer to a test; 'unknown' when the pilot was never assessed or the test is missing. */
export function answerOf(history: PilotHistory, test: ReadinessTest): ReadinessAnswerEntry {
  return latestAssessment(history)?.answers[test] ?? { answer: 'unknown', note: null };
}

const ANSWER_VERBS: Readonly<Record<ReadinessAnswer, string>> = {
  pass: 'passed',
  partial: 'only partly passed',
  fail: 'failed',
  unknown: 'was left unknown',
};

/** "Readiness assessment of 2026-05-20: executive sponsorship failed ('VP moved to another unit')." */
export function describeAnswer(history: PilotHistory, test: ReadinessTest): string | null {
  const assessment = latestAssessment(history);
  if (!assessment) return null;
  const { answer, note } = answerOf(history, test);
  const suffix = note ? ` ('${note}')` : '';
  return `Readiness assessment of ${assessment.assessedAt.slice(0, 10)}: ${READINESS_TEST_LABELS[test]} ${ANSWER_VERBS[answer]}${suffix}.`;
}
