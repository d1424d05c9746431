import { ctx, history } from '../testing/history-builder';
import type { HistoryDecision } from '../types';
import { decisionOverdue } from './decision-overdue';

// Today in the builder is 2026-06-10.
const decision = (kind: HistoryDecision['kind'], decidedAt: string, nextReviewDate: string | null): HistoryDecision => ({ kind, decidedAt, nextReviewDate });

describe('decision_overdue', () => {
  it.each([
    ['review date yesterday', [decision('continue', '2026-04-01T10:00:00Z', '2026-06-09')], true],
    ['review date today (boundary: not yet overdue)', [decision('continue', '2026-04-01T10:00:00Z', '2026-06-10')], false],
    ['review date tomorrow', [decision('scale', '2026-04-01T10:00:00Z', '2026-06-11')], false],
    ['no decisions', [], false],
    ['latest decision sets no review (kill)', [decision('continue', '2026-01-01T10:00:00Z', '2026-02-01'), decision('kill', '2026-03-01T10:00:00Z', null)], false],
    ['an overdue review answered by a newer decision', [decision('continue', '2026-01-01T10:00:00Z', '2026-02-01'), decision('continue', '2026-02-03T10:00:00Z', '2026-07-01')], false],
    ['the newer decision is itself overdue', [decision('continue', '2026-01-01T10:00:00Z', '2026-02-01'), decision('continue', '2026-02-03T10:00:00Z', '2026-05-01')], true],
  ])('%s -> %s', (_name, decisions, fires) => {
    const results = decisionOverdue(history({ decisions }), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'decision_overdue', fires });
  });

  it('counts the days overdue in words and evidence', () => {
    const [result] = decisionOverdue(history({ decisions: [decision('scale', '2026-04-01T10:00:00Z', '2026-05-31')] }), ctx());
    expect(result.summary).toBe('Review after the "scale" decision was due on 2026-05-31; no new decision for 10 days.');
    expect(result.evidence).toMatchObject({ daysOverdue: 10, decisionKind: 'scale' });
  });

  it('does not fire for closed pilots', () => {
    const decisions = [decision('scale', '2026-01-01T10:00:00Z', '2026-02-01')];
    expect(decisionOverdue(history({ pilot: { stage: 'production' }, decisions }), ctx())[0].fires).toBe(false);
  });
});

describe('decision_overdue since', () => {
  it.each([
    [[decision('continue', '2026-04-01T10:00:00Z', '2026-06-09')], '2026-06-09'],
    [[decision('continue', '2026-01-01T10:00:00Z', '2026-02-01'), decision('continue', '2026-02-03T10:00:00Z', '2026-05-01')], '2026-05-01'],
    [[decision('continue', '2026-04-01T10:00:00Z', '2026-06-10')], undefined],
  ])('%p -> %s', (decisions, since) => {
    expect(decisionOverdue(history({ decisions }), ctx())[0].since).toBe(since);
  });
});
