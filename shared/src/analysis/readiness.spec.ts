import { readinessBreakdown, readinessScore } from './readiness';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { assessment, history, recentUpdates, type HistoryOverrides } from './testing/history-builder';

describe('readinessScore', () => {
  it.each<[string, HistoryOverrides, number]>([
    ['all six pass', {}, 100],
    ['never assessed', { assessments: [] }, 0],
    ['all partial', { assessments: [assessment({}, 'partial')] }, 50],
    ['all unknown', { assessments: [assessment({}, 'unknown')] }, 0],
    ['all fail', { assessments: [assessment({}, 'fail')] }, 0],
    ['3 pass, 2 partial, 1 fail', { assessments: [assessment({ measurement: 'partial', workflow_redesign: 'partial', adoption_readiness: 'fail' })] }, 67],
    // Sponsorship failing caps the score at 50, below the scale queue's cut-off (was 92, 88, 83, 83).
    ['pass on sponsorship but no sponsor named: capped', { pilot: { sponsorId: null } }, 50],
    ['partial on sponsorship and no sponsor: capped', { pilot: { sponsorId: null }, assessments: [assessment({ executive_sponsorship: 'partial' })] }, 50],
    ['fail on sponsorship and no sponsor: capped', { pilot: { sponsorId: null }, assessments: [assessment({ executive_sponsorship: 'fail' })] }, 50],
    ['sponsor named but the sponsorship test failed: capped', { assessments: [assessment({ executive_sponsorship: 'fail' })] }, 50],
    ['capped score stays lower when it already is', { pilot: { sponsorId: null }, assessments: [assessment({ measurement: 'fail', workflow_redesign: 'fail', adoption_readiness: 'fail' })] }, 42],
    ['sponsorship partial with a sponsor named: not capped', { assessments: [assessment({ executive_sponsorship: 'partial' })] }, 92],
    ['value below cost contradicts the viability pass', { pilot: { annualValueAtScale: 1, costToScale: 2 } }, 92],
    ['adoption pass contradicted by usage data', { updates: recentUpdates(4, () => ({ activeUsers: 50, activeUsersOutsideTeam: 2 })) }, 92],
    ['only the latest assessment counts', { assessments: [assessment({}, 'fail', '2026-01-01T00:00:00Z'), assessment()] }, 100],
  ])('%s -> %i', (_name, overrides, score) => {
    expect(readinessScore(history(overrides))).toBe(score);
  });

  it('caps below a lower scale-queue cut-off too', () => {
    expect(readinessScore(history({ pilot: { sponsorId: null } }), { ...DEFAULT_THRESHOLDS, scaleReadinessMin: 40 })).toBe(39);
    expect(readinessScore(history({ pilot: { sponsorId: null } }), { ...DEFAULT_THRESHOLDS, scaleReadinessMin: 0 })).toBe(0);
  });

  it('explains each test', () => {
    const breakdown = readinessBreakdown(history({ pilot: { sponsorId: null } }));
    expect(breakdown[0]).toEqual({
      test: 'executive_sponsorship',
      answer: 'pass',
      contradictedBy: ['No executive sponsor is named for the pilot.'],
      credit: 0.5,
    });
    expect(breakdown.slice(1).every((t) => t.credit === 1 && t.contradictedBy.length === 0)).toBe(true);
  });
});
