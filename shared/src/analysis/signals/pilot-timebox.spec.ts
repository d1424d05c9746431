import type { Stage } from '../../enums';
import { ctx, history } from '../testing/history-builder';
import { pilotTimebox } from './pilot-timebox';

const pilotingSince = (enteredOn: string, stage: Stage = 'piloting') =>
  history({ pilot: { stage, stageEnteredAt: `${enteredOn}T09:00:00Z` }, stageChanges: [] });

describe('pilot_timebox', () => {
  it.each([
    // entered piloting, stage, thresholds, expected fires (today 2026-06-10)
    ['2025-12-10', 'piloting', {}, false], // exactly 6 months
    ['2025-12-09', 'piloting', {}, true],
    ['2026-03-09', 'piloting', { pilotTimeboxMonths: 3 }, true],
    ['2026-03-10', 'piloting', { pilotTimeboxMonths: 3 }, false],
    ['2025-01-01', 'scaling', {}, false], // scaling is over_timeline's
    ['2025-01-01', 'proposed', {}, false],
    ['2025-01-01', 'paused', {}, false],
    ['2025-01-01', 'killed', {}, false],
  ] as const)('piloting since %s, %s, %p -> %s', (enteredOn, stage, thresholds, fires) => {
    const results = pilotTimebox(pilotingSince(enteredOn, stage), ctx(thresholds));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'pilot_timebox', fires });
  });

  it('is the same for every complexity', () => {
    for (const complexity of ['best', 'typical', 'complex'] as const) {
      const h = history({ pilot: { complexity, stageEnteredAt: '2025-12-09T09:00:00Z' }, stageChanges: [] });
      expect(pilotTimebox(h, ctx())[0].fires).toBe(true);
    }
  });

  it('does not count a pause', () => {
    const stageChanges = [
      { fromStage: 'proposed' as const, toStage: 'piloting' as const, changedAt: '2025-11-01T09:00:00Z' },
      { fromStage: 'piloting' as const, toStage: 'paused' as const, changedAt: '2026-01-01T09:00:00Z' },
      { fromStage: 'paused' as const, toStage: 'piloting' as const, changedAt: '2026-02-01T09:00:00Z' },
    ];
    // 6 months from 1 Nov is 1 May; the 31 paused days move the due date to 1 June.
    const [result] = pilotTimebox(history({ pilot: { stageEnteredAt: '2026-02-01T09:00:00Z' }, stageChanges }), ctx({}, new Date('2026-06-01T12:00:00Z')));
    expect(result).toMatchObject({ fires: false, evidence: { pausedDays: 31, deadline: '2026-06-01' } });
    expect(pilotTimebox(history({ pilot: { stageEnteredAt: '2026-02-01T09:00:00Z' }, stageChanges }), ctx({}, new Date('2026-06-02T12:00:00Z')))[0].fires).toBe(true);
  });

  it('summarises the overrun', () => {
    const [result] = pilotTimebox(pilotingSince('2025-09-01'), ctx());
    expect(result.summary).toBe('Piloting since 2025-09-01: 9 months against a 6-month timebox (1.56x, due 2026-03-01).');
  });
});

describe('pilot_timebox since', () => {
  it.each([
    ['2025-12-09', '2026-06-10'], // due 9 June: over from the 10th
    ['2025-10-01', '2026-04-02'],
    ['2025-12-10', undefined],
  ])('piloting since %s -> %s', (enteredOn, since) => {
    expect(pilotTimebox(pilotingSince(enteredOn), ctx())[0].since).toBe(since);
  });

  it('moves back by the paused days', () => {
    const h = history({
      pilot: { stageEnteredAt: '2025-12-01T09:00:00Z' },
      stageChanges: [
        { fromStage: 'proposed', toStage: 'piloting', changedAt: '2025-10-01T09:00:00Z' },
        { fromStage: 'piloting', toStage: 'paused', changedAt: '2025-11-01T09:00:00Z' },
        { fromStage: 'paused', toStage: 'piloting', changedAt: '2025-12-01T09:00:00Z' },
      ],
    });
    // 1 Oct + 6 months = 1 April, + 30 paused days = 1 May: over from the 2nd.
    expect(pilotTimebox(h, ctx())[0]).toMatchObject({ fires: true, since: '2026-05-02' });
  });
});
