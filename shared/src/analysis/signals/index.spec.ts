import { blocker, ctx, history, updatesEndingAt } from '../testing/history-builder';
import { SIGNAL_KINDS } from '../types';
import { SIGNAL_RULES, evaluateAllSignals, evaluateSignals } from './index';

describe('signal registry', () => {
  it('has a rule for every kind', () => {
    expect(Object.keys(SIGNAL_RULES).sort()).toEqual([...SIGNAL_KINDS].sort());
  });

  it('a healthy pilot fires nothing', () => {
    expect(evaluateSignals(history(), ctx())).toEqual([]);
    // ...while every single-subject rule still reports its verdict.
    expect(evaluateAllSignals(history(), ctx()).map((s) => s.kind)).toEqual(SIGNAL_KINDS.filter((k) => k !== 'repeated_blocker'));
  });

  it('returns only the firing signals, in kind order, one per blocker', () => {
    const updates = updatesEndingAt('2026-W23', [
      { blockerIds: ['b1', 'b2'], health: 'at_risk', confidence: 5 },
      { blockerIds: ['b1', 'b2'], health: 'at_risk', confidence: 4 },
      { blockerIds: ['b1', 'b2'], health: 'off_track', confidence: 4 },
      { blockerIds: ['b1', 'b2'], health: 'off_track', confidence: 3, resourcesRedirected: true },
      { blockerIds: ['b1', 'b2'], health: 'off_track', confidence: 2 },
      { blockerIds: ['b1', 'b2', 'b3'], health: 'off_track', confidence: 1 },
    ]);
    const h = history({
      pilot: { startDate: '2025-06-01', stageEnteredAt: '2025-07-01T00:00:00Z' },
      updates,
      blockers: [blocker('b1'), blocker('b2'), blocker('b3')],
    });
    const fired = evaluateSignals(h, ctx()).map((s) => s.subjectKey ?? s.kind);
    // Piloting since July 2025 (stageEnteredAt before the recorded entry): past the pilot timebox, not
    // over the scaling timeline, which starts at pilot completion.
    expect(fired).toEqual(['b1', 'b2', 'stalled_stage', 'confidence_decline', 'off_track_streak', 'resources_redirected', 'pilot_timebox']);
  });

  it('a paused pilot accrues no activity flags', () => {
    const updates = updatesEndingAt('2026-W20', Array.from({ length: 8 }, () => ({ blockerIds: ['b1'], health: 'off_track' as const, confidence: 1, resourcesRedirected: true, scaleQuestionAsked: true })));
    const h = history({
      pilot: { stage: 'paused', startDate: '2025-01-01', stageEnteredAt: '2026-05-20T00:00:00Z' },
      updates,
      blockers: [blocker('b1', { firstSeenWeek: '2026-W01' })],
      stageChanges: [{ fromStage: 'proposed', toStage: 'piloting', changedAt: '2025-01-10T09:00:00Z' }, { fromStage: 'piloting', toStage: 'paused', changedAt: '2026-05-20T00:00:00Z' }],
      decisions: [{ kind: 'continue', decidedAt: '2026-05-01T10:00:00Z', nextReviewDate: '2026-06-01' }],
    });
    // Only the governance rule still looks at it: the review date of the last decision passed.
    expect(evaluateSignals(h, ctx()).map((s) => s.kind)).toEqual(['decision_overdue']);
  });

  it('is deterministic', () => {
    const h = history({ blockers: [blocker('b1', { firstSeenWeek: '2026-W01' })] });
    expect(evaluateSignals(h, ctx())).toEqual(evaluateSignals(h, ctx()));
  });
});
