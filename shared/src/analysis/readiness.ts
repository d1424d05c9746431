/**
 * Readiness score, 0-100. Each of the six tests of the latest assessment earns pass = 1,
 * partial = 0.5, fail / unknown = 0. An answer the pilot's own data contradicts earns half its
 * credit: a "pass" on sponsorship with no sponsor named is a claim, not evidence. Data never adds
 * credit, since it can only show problems, not their absence. No assessment scores 0.
 * score = round(100 x total credit / 6).
 *
 * While sponsorship fails (no sponsor named, or the sponsorship test failed) the score is capped
 * below the scale queue's cut-off (at most SPONSORSHIP_SCORE_CAP and below `scaleReadinessMin`):
 * without a sponsor nothing else about the pilot makes it ready to scale.
 */
import { answerOf } from './assessment';
import { patternDataEvidence, TEST_PATTERNS } from './patterns';
import { DEFAULT_THRESHOLDS, type SignalThresholds } from './thresholds';
import type { PilotHistory, ReadinessAnswer, ReadinessTest } from './types';
import { READINESS_TESTS } from './types';

const ANSWER_CREDIT: Readonly<Record<ReadinessAnswer, number>> = { pass: 1, partial: 0.5, fail: 0, unknown: 0 };
export const CONTRADICTED_CREDIT_FACTOR = 0.5;
export const SPONSORSHIP_SCORE_CAP = 50;

/** No sponsor named, or the latest assessment failed the sponsorship test. */
export function sponsorshipFails(history: PilotHistory): boolean {
  return history.pilot.sponsorId === null || answerOf(history, 'executive_sponsorship').answer === 'fail';
}

export interface ReadinessTestScore {
  test: ReadinessTest;
  answer: ReadinessAnswer;
  /** The matching pattern's data evidence (empty when the data does not contradict). */
  contradictedBy: string[];
  credit: number;
}

export function readinessBreakdown(history: PilotHistory, thresholds: SignalThresholds = DEFAULT_THRESHOLDS): ReadinessTestScore[] {
  return READINESS_TESTS.map((test) => {
    const { answer } = answerOf(history, test);
    const evidence = ANSWER_CREDIT[answer] > 0 ? patternDataEvidence(TEST_PATTERNS[test], history, thresholds) : [];
    const credit = ANSWER_CREDIT[answer] * (evidence.length > 0 ? CONTRADICTED_CREDIT_FACTOR : 1);
    return { test, answer, contradictedBy: evidence, credit };
  });
}

export function readinessScore(history: PilotHistory, thresholds: SignalThresholds = DEFAULT_THRESHOLDS): number {
  const total = readinessBreakdown(history, thresholds).reduce((sum, t) => sum + t.credit, 0);
  const score = Math.round((100 * total) / READINESS_TESTS.length);
  if (!sponsorshipFails(history)) return score;
  return Math.max(0, Math.min(score, SPONSORSHIP_SCORE_CAP, thresholds.scaleReadinessMin - 1));
}
