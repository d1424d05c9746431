import type { Complexity, Stage } from '../../enums';
import { ctx, history } from '../testing/history-builder';
import { overTimeline } from './over-timeline';

/** Scaling since `enteredOn` (no stage-change records), today 2026-06-10. */
const scalingSince = (enteredOn: string, complexity: Complexity, stage: Stage = 'scaling') =>
  history({ pilot: { complexity, stage, stageEnteredAt: `${enteredOn}T09:00:00Z`, startDate: '2024-01-01' }, stageChanges: [] });

describe('over_timeline', () => {
  it.each([
    // complexity (upper bound from pilot completion), entered scaling, stage, expected fires
    ['best', '2026-03-10', 'scaling', false], // exactly 3 months: on the deadline, not over it
    ['best', '2026-03-09', 'scaling', true], // one day over
    ['typical', '2025-12-10', 'scaling', false], // exactly 6 months
    ['typical', '2025-12-09', 'scaling', true],
    ['complex', '2025-06-10', 'scaling', false], // exactly 12 months
    ['complex', '2025-06-09', 'scaling', true],
    // Time before completion no longer counts: the pilot phase has its own timebox (pilot_timebox).
    ['best', '2025-01-01', 'piloting', false],
    ['typical', '2025-01-01', 'proposed', false],
    // Paused pilots do not age (was: fires).
    ['typical', '2025-01-01', 'paused', false],
    ['typical', '2025-01-01', 'production', false],
    ['typical', '2025-01-01', 'killed', false],
    ['typical', '2025-01-01', 'pivoted', false],
  ] as const)('%s complexity, entered %s, %s -> %s', (complexity, enteredOn, stage, fires) => {
    const results = overTimeline(scalingSince(enteredOn, complexity, stage), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'over_timeline', fires });
  });

  it('counts from a recorded completion date', () => {
    const h = history({ pilot: { stage: 'scaling', stageEnteredAt: '2026-05-01T09:00:00Z', pilotCompletedOn: '2025-11-01' }, stageChanges: [] });
    expect(overTimeline(h, ctx())[0]).toMatchObject({ fires: true, evidence: { since: '2025-11-01', deadline: '2026-05-01' } });
  });

  it('leaves paused days out and moves the deadline back', () => {
    const stageChanges = [
      { fromStage: 'piloting' as const, toStage: 'scaling' as const, changedAt: '2025-11-01T09:00:00Z' },
      { fromStage: 'scaling' as const, toStage: 'paused' as const, changedAt: '2026-01-01T09:00:00Z' },
      { fromStage: 'paused' as const, toStage: 'scaling' as const, changedAt: '2026-03-01T09:00:00Z' },
    ];
    const [result] = overTimeline(history({ pilot: { stage: 'scaling', stageEnteredAt: '2026-03-01T09:00:00Z' }, stageChanges }), ctx());
    // 6 months from 1 Nov is 1 May, plus 59 paused days: 29 June.
    expect(result).toMatchObject({ fires: false, evidence: { since: '2025-11-01', pausedDays: 59, deadline: '2026-06-29' } });
  });

  it('reports months, bound, ratio and deadline', () => {
    const [result] = overTimeline(scalingSince('2025-09-01', 'typical'), ctx());
    expect(result.summary).toBe(
      'Pilot completed 2025-09-01: 9 months of scaling against a 6-month upper bound for typical complexity (1.56x, deadline 2026-03-01).',
    );
    expect(result.evidence).toMatchObject({ phase: 'scaling', deadline: '2026-03-01', boundMonths: 6, monthsElapsed: 9, daysOver: 101, ratio: 1.56 });
  });
});

describe('over_timeline since', () => {
  it.each([
    ['best', '2026-03-09', '2026-06-10'], // deadline 9 June: over from the 10th
    ['complex', '2025-01-15', '2026-01-16'],
    ['best', '2026-03-10', undefined], // on the deadline: not over
  ] as const)('%s complexity, entered scaling %s -> %s', (complexity, enteredOn, since) => {
    expect(overTimeline(scalingSince(enteredOn, complexity), ctx())[0].since).toBe(since);
  });

  it('counts from a recorded completion, with the paused days pushing it back', () => {
    const h = history({
      pilot: { complexity: 'best', stage: 'scaling', stageEnteredAt: '2026-02-15T09:00:00Z', pilotCompletedOn: '2026-01-05' },
      stageChanges: [
        { fromStage: 'piloting', toStage: 'scaling', changedAt: '2026-01-10T09:00:00Z' },
        { fromStage: 'scaling', toStage: 'paused', changedAt: '2026-02-01T09:00:00Z' },
        { fromStage: 'paused', toStage: 'scaling', changedAt: '2026-02-15T09:00:00Z' },
      ],
    });
    // 5 Jan + 3 months = 5 April, + 14 paused days = 19 April: over from the 20th.
    expect(overTimeline(h, ctx())[0]).toMatchObject({ fires: true, since: '2026-04-20' });
  });
});
