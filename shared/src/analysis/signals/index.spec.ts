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
    expect(fired).toEqual(['b1', 'b2', 'stalled_stage', 'confidence_decline', 'off_track_streak', 'resources_redirected', 'over_timeline']);
  });

  it('is deterministic', () => {
    const h = history({ blockers: [blocker('b1', { firstSeenWeek: '2026-W01' })] });
    expect(evaluateSignals(h, ctx())).toEqual(evaluateSignals(h, ctx()));
  });
});
