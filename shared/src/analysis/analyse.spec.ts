import { analysePilot } from './analyse';
import * as analysis from './index';
import { assessment, blocker, ctx, history, kpi, recentUpdates } from './testing/history-builder';

describe('analysePilot', () => {
  it('composes signals, patterns and the recommendation', () => {
    const h = history({
      pilot: { sponsorId: null, stageEnteredAt: '2026-01-05T09:00:00Z' },
      updates: recentUpdates(6, () => ({ blockerIds: ['b1'] })),
      blockers: [blocker('b1', { text: 'Security review pending', category: 'security_compliance', firstSeenWeek: '2026-W18' })],
      assessments: [assessment({ executive_sponsorship: 'fail' })],
    });
    const result = analysePilot(h, ctx());
    expect(result.signals.map((s) => s.subjectKey ?? s.kind)).toEqual(['b1', 'stalled_stage']);
    expect(result.patterns.map((p) => [p.pattern, p.confidence])).toEqual([
      ['missing_executive_sponsor', 0.9],
      ['no_integration_path', 0.5],
    ]);
    // A failed sponsorship test caps the score below the scale queue's cut-off (was 75).
    expect(result.recommendation).toMatchObject({ action: 'keep_piloting', ruleId: 'keep_piloting_sponsorship', readinessScore: 50 });
  });

  it('recommends scaling a healthy pilot that reached its KPI, with nothing firing', () => {
    // Reached means held over the latest three readings (one week at target used to be enough).
    const h = history({ kpis: [kpi({ readings: [{ week: '2026-W20', value: 5.5 }, { week: '2026-W21', value: 6 }, { week: '2026-W22', value: 5.5 }] })] });
    expect(analysePilot(h, ctx())).toMatchObject({ signals: [], patterns: [], recommendation: { action: 'scale' } });
  });

  it('is a pure function of its inputs', () => {
    const h = history({ pilot: { sponsorId: null } });
    const snapshot = JSON.stringify(h);
    const first = analysePilot(h, ctx());
    expect(analysePilot(h, ctx())).toEqual(first);
    expect(JSON.stringify(h)).toBe(snapshot);
  });

  it('exports the public API from the index', () => {
    for (const name of ['analysePilot', 'evaluateSignals', 'SIGNAL_RULES', 'diagnosePatterns', 'PATTERN_GUIDANCE', 'recommend',
      'RECOMMENDATION_RULES', 'readinessScore', 'blockerSimilarity', 'findMatchingBlocker', 'BLOCKER_MATCH_THRESHOLD',
      'DEFAULT_THRESHOLDS', 'THRESHOLD_LIMITS', 'stageClock', 'timelinePosition', 'LIVE_BARRIER_SIGNALS', 'validateThresholds', 'SIGNAL_KINDS', 'PATTERNS', 'READINESS_TESTS', 'DECISION_KINDS']) {
      expect(analysis).toHaveProperty(name);
    }
  });
});
