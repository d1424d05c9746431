import { READINESS_TESTS, type ReadinessAnswer, type ReadinessAssessment, type ReadinessTest } from '@liftoff/shared';

/** Credit per answer, as the readiness score counts it: pass 1, partial ½, fail and unknown 0. */
export const ANSWER_CREDIT: Record<ReadinessAnswer, number> = { pass: 1, partial: 0.5, fail: 0, unknown: 0 };

/** Short axis labels: six long names do not fit around a radar on a laptop screen. */
export const RADAR_AXIS_LABELS: Record<ReadinessTest, string> = {
  executive_sponsorship: 'Sponsorship',
  integration_readiness: 'Integration',
  adoption_readiness: 'Adoption',
  workflow_redesign: 'Workflow',
  measurement: 'Measurement',
  use_case_viability: 'Use case',
};

export interface RadarPoint {
  test: ReadinessTest;
  axis: string;
  latest: number | null;
  previous: number | null;
  latestAnswer: ReadinessAnswer | null;
  previousAnswer: ReadinessAnswer | null;
  latestNote: string | null;
}

/** One point per test (in the canonical order) with the latest and the previous assessment's credit. */
export function toReadinessRadar(latest: ReadinessAssessment | null, previous: ReadinessAssessment | null): RadarPoint[] {
  if (!latest) return [];
  return READINESS_TESTS.map((test) => {
    const now = latest.answers[test]?.answer ?? 'unknown';
    const before = previous ? (previous.answers[test]?.answer ?? 'unknown') : null;
    return {
      test,
      axis: RADAR_AXIS_LABELS[test],
      latest: ANSWER_CREDIT[now],
      previous: before === null ? null : ANSWER_CREDIT[before],
      latestAnswer: now,
      previousAnswer: before,
      latestNote: latest.answers[test]?.note ?? null,
    };
  });
}

export type Movement = 'better' | 'worse' | 'same' | 'new';

/** How a test moved between the two assessments. */
export function movement(point: RadarPoint): Movement {
  if (point.previous === null || point.latest === null) return 'new';
  if (point.latest > point.previous) return 'better';
  if (point.latest < point.previous) return 'worse';
  return 'same';
}
