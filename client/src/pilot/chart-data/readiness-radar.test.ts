import { describe, expect, it } from 'vitest';
import type { ReadinessAnswer, ReadinessAssessment, ReadinessTest } from '@liftoff/shared';
import { movement, toReadinessRadar } from './readiness-radar';

function assessment(answers: Partial<Record<ReadinessTest, ReadinessAnswer>>, note?: string): ReadinessAssessment {
  const all = (['executive_sponsorship', 'integration_readiness', 'adoption_readiness', 'workflow_redesign', 'measurement', 'use_case_viability'] as const).map(
    (test) => [test, { answer: answers[test] ?? 'unknown', note: test === 'measurement' ? (note ?? null) : null }],
  );
  return { id: 'a', pilotId: 'p', assessedAt: '2026-11-01T00:00:00Z', assessedBy: null, answers: Object.fromEntries(all) } as ReadinessAssessment;
}

describe('readiness radar data', () => {
  it('is empty before the first assessment', () => {
    expect(toReadinessRadar(null, null)).toEqual([]);
  });

  it('scores each test as the readiness score credits it, latest against previous', () => {
    const points = toReadinessRadar(assessment({ executive_sponsorship: 'pass', measurement: 'partial' }, 'Baseline agreed'), assessment({ executive_sponsorship: 'fail', measurement: 'pass' }));
    expect(points.map((p) => [p.axis, p.latest, p.previous])).toEqual([
      ['Sponsorship', 1, 0],
      ['Integration', 0, 0],
      ['Adoption', 0, 0],
      ['Workflow', 0, 0],
      ['Measurement', 0.5, 1],
      ['Use case', 0, 0],
    ]);
    expect(points[4].latestNote).toBe('Baseline agreed');
    expect(points.map(movement)).toEqual(['better', 'same', 'same', 'same', 'worse', 'same']);
  });

  it('has no previous series after a single assessment', () => {
    const points = toReadinessRadar(assessment({ use_case_viability: 'pass' }), null);
    expect(points.every((p) => p.previous === null && movement(p) === 'new')).toBe(true);
  });
});
