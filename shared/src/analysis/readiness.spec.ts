import { readinessBreakdown, readinessScore } from './readiness';
import { assessment, history, recentUpdates, type HistoryOverrides } from './testing/history-builder';

describe('readinessScore', () => {
  it.each<[string, HistoryOverrides, number]>([
    ['all six pass', {}, 100],
    ['never assessed', { assessments: [] }, 0],
    ['all partial', { assessments: [assessment({}, 'partial')] }, 50],
    ['all unknown', { assessments: [assessment({}, 'unknown')] }, 0],
    ['all fail', { assessments: [assessment({}, 'fail')] }, 0],
    ['3 pass, 2 partial, 1 fail', { assessments: [assessment({ measurement: 'partial', workflow_redesign: 'partial', adoption_readiness: 'fail' })] }, 67],
    ['pass on sponsorship but no sponsor named: half credit', { pilot: { sponsorId: null } }, 92],
    ['partial on sponsorship and no sponsor: a quarter', { pilot: { sponsorId: null }, assessments: [assessment({ executive_sponsorship: 'partial' })] }, 88],
    ['fail on sponsorship and no sponsor: still nothing', { pilot: { sponsorId: null }, assessments: [assessment({ executive_sponsorship: 'fail' })] }, 83],
    ['two contradicted passes', { pilot: { sponsorId: null, annualValueAtScale: 1, costToScale: 2 } }, 83],
    ['adoption pass contradicted by usage data', { updates: recentUpdates(4, () => ({ activeUsers: 50, activeUsersOutsideTeam: 2 })) }, 92],
    ['only the latest assessment counts', { assessments: [assessment({}, 'fail', '2026-01-01T00:00:00Z'), assessment()] }, 100],
  ])('%s -> %i', (_name, overrides, score) => {
    expect(readinessScore(history(overrides))).toBe(score);
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
