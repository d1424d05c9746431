import { ctx, history } from '../testing/history-builder';
import { stalledStage } from './stalled-stage';

describe('stalled_stage', () => {
  it.each([
    // stage, stageEnteredAt, today, expected fires
    ['piloting', '2026-03-10T18:00:00Z', '2026-06-10T12:00:00Z', true], // exactly 3 months, later time of day
    ['piloting', '2026-03-11T00:00:00Z', '2026-06-10T23:59:00Z', false], // one day short
    ['piloting', '2026-01-02T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['piloting', '2026-05-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['proposed', '2026-02-01T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['scaling', '2026-02-01T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['piloting', '2025-11-30T09:00:00Z', '2026-02-28T08:00:00Z', true], // Nov 30 + 3 months clamps to Feb 28
    ['piloting', '2025-11-30T09:00:00Z', '2026-02-27T23:00:00Z', false],
    ['production', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['paused', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['killed', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['pivoted', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
  ] as const)('%s since %s on %s -> %s', (stage, stageEnteredAt, today, fires) => {
    const results = stalledStage(history({ pilot: { stage, stageEnteredAt } }), ctx({}, new Date(today)));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'stalled_stage', fires });
  });

  it.each([
    [1, '2026-05-10T00:00:00Z', true],
    [1, '2026-05-11T00:00:00Z', false],
    [6, '2026-01-01T00:00:00Z', false],
  ])('honours stalledStageMonths=%i (entered %s)', (stalledStageMonths, stageEnteredAt, fires) => {
    const results = stalledStage(history({ pilot: { stageEnteredAt } }), ctx({ stalledStageMonths }));
    expect(results[0].fires).toBe(fires);
  });

  it('states stage, date and months', () => {
    const [result] = stalledStage(history({ pilot: { stageEnteredAt: '2026-01-15T09:00:00Z' } }), ctx());
    expect(result.summary).toBe('In piloting since 2026-01-15 (4 months) with no stage change.');
    expect(result.evidence).toMatchObject({ stage: 'piloting', since: '2026-01-15', months: 4, stalledFrom: '2026-04-15' });
  });
});
