import { ctx, history, updatesEndingAt } from '../testing/history-builder';
import type { HistoryDecision } from '../types';
import { scaleQuestionUnanswered } from './scale-question-unanswered';

/** One character per week ending 2026-W23 (today is in W24): q = scale question asked, - = not. */
const asked = (pattern: string) => updatesEndingAt('2026-W23', [...pattern].map((c) => ({ scaleQuestionAsked: c === 'q' })));
const decision = (decidedAt: string): HistoryDecision => ({ kind: 'continue', decidedAt, nextReviewDate: null });

describe('scale_question_unanswered', () => {
  it.each([
    // name, questions W16..W23, expected fires, expected count
    ['asked twice (Q=2) in the window', '------qq', true, 2],
    ['asked once: one below', '-------q', false, 1],
    ['W17 is 7 weeks before W24: inside the 8-week window', '-q-----q', true, 2],
    ['W16 is 8 weeks before W24: outside the window', 'q------q', false, 1],
    ['asked every week', 'qqqqqqqq', true, 7],
    ['never asked', '--------', false, 0],
  ])('%s (%s) -> %s', (_name, pattern, fires, count) => {
    const results = scaleQuestionUnanswered(history({ updates: asked(pattern) }), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'scale_question_unanswered', fires, evidence: { count } });
  });

  it.each([
    ['decided after the questions', '2026-06-09T10:00:00Z', false],
    ['decided between the questions', '2026-06-01T10:00:00Z', false],
    ['decided on the Monday that starts the first question week (W22)', '2026-05-25T00:00:00Z', false],
    ['decided the Sunday before the first question week', '2026-05-24T23:00:00Z', true],
    ['decided months ago', '2026-02-01T10:00:00Z', true],
  ])('%s -> %s', (_name, decidedAt, fires) => {
    const h = history({ updates: asked('------qq'), decisions: [decision(decidedAt)] });
    expect(scaleQuestionUnanswered(h, ctx())[0].fires).toBe(fires);
  });

  it.each([
    [{ scaleQuestionCount: 3 }, '-----qqq', true],
    [{ scaleQuestionCount: 3 }, '------qq', false],
    [{ scaleQuestionWindowWeeks: 2 }, '-----q-q', false], // W21 is 3 weeks back
    [{ scaleQuestionWindowWeeks: 4 }, '-----q-q', true],
  ])('honours %p with %s', (thresholds, pattern, fires) => {
    expect(scaleQuestionUnanswered(history({ updates: asked(pattern) }), ctx(thresholds))[0].fires).toBe(fires);
  });

  it.each(['production', 'killed', 'pivoted', 'paused'] as const)('does not fire for %s pilots', (stage) => {
    expect(scaleQuestionUnanswered(history({ pilot: { stage }, updates: asked('qqqqqqqq') }), ctx())[0].fires).toBe(false);
  });

  it('lists the weeks', () => {
    const [result] = scaleQuestionUnanswered(history({ updates: asked('----q-qq') }), ctx());
    expect(result.summary).toBe(
      'Scale question raised in 3 updates (2026-W20, 2026-W22 and 2026-W23) with no decision recorded since 2026-W20.',
    );
    expect(result.evidence).toMatchObject({ weeks: ['2026-W20', '2026-W22', '2026-W23'], since: '2026-W20', answeredBy: null });
  });
});

describe('scale_question_unanswered since', () => {
  it.each([
    ['------qq', '2026-05-25'], // first question W22
    ['-q-----q', '2026-04-20'], // W17
    ['qqqqqqqq', '2026-04-20'], // W16 is outside the window: W17
    ['q------q', undefined],
  ])('%s -> %s', (pattern, since) => {
    expect(scaleQuestionUnanswered(history({ updates: asked(pattern) }), ctx())[0].since).toBe(since);
  });
});
