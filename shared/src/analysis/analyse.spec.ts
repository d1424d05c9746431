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

  it('gives the rules and the recommendation the timeline they would work out themselves', () => {
    const cases = [
      history({ pilot: { stage: 'piloting', stageEnteredAt: '2025-09-01T09:00:00Z' } }),
      history({
        pilot: { stage: 'scaling', stageEnteredAt: '2025-06-02T09:00:00Z', complexity: 'best' },
        stageChanges: [
          { fromStage: 'proposed', toStage: 'piloting', changedAt: '2025-01-06T09:00:00Z' },
          { fromStage: 'piloting', toStage: 'scaling', changedAt: '2025-06-02T09:00:00Z' },
          { fromStage: 'scaling', toStage: 'paused', changedAt: '2025-08-04T09:00:00Z' },
          { fromStage: 'paused', toStage: 'scaling', changedAt: '2025-09-01T09:00:00Z' },
        ],
      }),
      history({ pilot: { stage: 'paused' } }),
    ];
    for (const h of cases) {
      const result = analysePilot(h, ctx());
      const signals = analysis.evaluateSignals(h, ctx());
      expect(result.signals).toEqual(signals);
      const patterns = analysis.diagnosePatterns(h, ctx().thresholds);
      expect(result.recommendation).toEqual(analysis.recommend(h, { ...ctx(), signals, patterns }));
    }
    expect(analysePilot(cases[0], ctx()).signals.map((s) => s.kind)).toContain('pilot_timebox');
    expect(analysePilot(cases[1], ctx()).signals.map((s) => s.kind)).toContain('over_timeline');
  });

  it('exports the public API from the index', () => {
    for (const name of ['analysePilot', 'evaluateSignals', 'SIGNAL_RULES', 'diagnosePatterns', 'PATTERN_GUIDANCE', 'recommend',
      'RECOMMENDATION_RULES', 'readinessScore', 'blockerSimilarity', 'findMatchingBlocker', 'BLOCKER_MATCH_THRESHOLD',
      'DEFAULT_THRESHOLDS', 'THRESHOLD_LIMITS', 'stageClock', 'timelinePosition', 'LIVE_BARRIER_SIGNALS', 'validateThresholds', 'SIGNAL_KINDS', 'PATTERNS', 'READINESS_TESTS', 'DECISION_KINDS']) {
      expect(analysis).toHaveProperty(name);
    }
  });
});
