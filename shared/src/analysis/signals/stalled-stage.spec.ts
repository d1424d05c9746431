import type { Complexity, Stage } from '../../enums';
import { ctx, history } from '../testing/history-builder';
import type { HistoryStageChange } from '../types';
import { stalledStage } from './stalled-stage';

/** A pilot whose only record of its stage is `stageEnteredAt` (no stage changes). */
const pilotIn = (stage: Stage, stageEnteredAt: string, complexity: Complexity = 'typical') =>
  history({ pilot: { stage, stageEnteredAt, complexity }, stageChanges: [] });

const change = (fromStage: Stage | null, toStage: Stage, changedAt: string): HistoryStageChange => ({ fromStage, toStage, changedAt });

describe('stalled_stage', () => {
  it.each([
    // stage, complexity (limit), stageEnteredAt, today, expected fires
    ['piloting', 'typical', '2026-02-10T18:00:00Z', '2026-06-10T12:00:00Z', true], // exactly 4 months, later time of day
    ['piloting', 'typical', '2026-02-11T00:00:00Z', '2026-06-10T23:59:00Z', false], // one day short
    // Was flagged at 3 months whatever the complexity: a typical pilot at 3.7 months is not stalled.
    ['piloting', 'typical', '2026-02-20T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['piloting', 'best', '2026-04-10T09:00:00Z', '2026-06-10T12:00:00Z', true], // best: 2 months
    ['piloting', 'best', '2026-04-11T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['piloting', 'complex', '2026-01-02T09:00:00Z', '2026-06-10T12:00:00Z', false], // complex: 6 months
    ['piloting', 'complex', '2025-12-10T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['proposed', 'typical', '2026-02-01T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['scaling', 'typical', '2026-02-01T09:00:00Z', '2026-06-10T12:00:00Z', true],
    ['piloting', 'typical', '2025-10-31T09:00:00Z', '2026-02-28T08:00:00Z', true], // Oct 31 + 4 months clamps to Feb 28
    ['piloting', 'typical', '2025-10-31T09:00:00Z', '2026-02-27T23:00:00Z', false],
    ['production', 'typical', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['paused', 'typical', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['killed', 'typical', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
    ['pivoted', 'typical', '2025-01-01T09:00:00Z', '2026-06-10T12:00:00Z', false],
  ] as const)('%s (%s) since %s on %s -> %s', (stage, complexity, stageEnteredAt, today, fires) => {
    const results = stalledStage(pilotIn(stage, stageEnteredAt, complexity), ctx({}, new Date(today)));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'stalled_stage', fires });
  });

  it.each([
    ['stalledStageMonthsTypical', 1, 'typical', '2026-05-10T00:00:00Z', true],
    ['stalledStageMonthsTypical', 1, 'typical', '2026-05-11T00:00:00Z', false],
    ['stalledStageMonthsTypical', 6, 'typical', '2026-01-01T00:00:00Z', false],
    ['stalledStageMonthsBest', 3, 'best', '2026-04-01T00:00:00Z', false],
    ['stalledStageMonthsComplex', 3, 'complex', '2026-03-01T00:00:00Z', true],
    ['stalledStageMonthsComplex', 3, 'typical', '2026-03-01T00:00:00Z', false], // another complexity's limit
  ] as const)('honours %s=%i for a %s pilot entered %s', (key, months, complexity, stageEnteredAt, fires) => {
    const results = stalledStage(pilotIn('piloting', stageEnteredAt, complexity), ctx({ [key]: months }));
    expect(results[0].fires).toBe(fires);
  });

  it('does not restart the clock on pause and resume, and leaves the paused days out', () => {
    // Piloting from 1 Feb, paused 1-31 March (30 days), resumed: 4 months of piloting on 1 July, not 1 June.
    const stageChanges = [change('proposed', 'piloting', '2026-02-01T09:00:00Z'), change('piloting', 'paused', '2026-03-01T09:00:00Z'), change('paused', 'piloting', '2026-03-31T09:00:00Z')];
    const h = history({ pilot: { stageEnteredAt: '2026-03-31T09:00:00Z' }, stageChanges });
    const [onJune30] = stalledStage(h, ctx({}, new Date('2026-06-30T12:00:00Z')));
    expect(onJune30).toMatchObject({ fires: false, evidence: { since: '2026-02-01', pausedDays: 30, stalledFrom: '2026-07-01', months: 3 } });
    const [onJuly1] = stalledStage(h, ctx({}, new Date('2026-07-01T12:00:00Z')));
    expect(onJuly1).toMatchObject({ fires: true, evidence: { months: 4 } });
    // A one-day pause, as the review found, no longer resets anything.
    const blip = [change('proposed', 'piloting', '2026-01-15T09:00:00Z'), change('piloting', 'paused', '2026-06-01T09:00:00Z'), change('paused', 'piloting', '2026-06-02T09:00:00Z')];
    expect(stalledStage(history({ pilot: { stageEnteredAt: '2026-06-02T09:00:00Z' }, stageChanges: blip }), ctx())[0].fires).toBe(true);
  });

  it('states stage, date, months and the limit of the complexity', () => {
    const [result] = stalledStage(pilotIn('piloting', '2026-01-15T09:00:00Z'), ctx());
    expect(result.summary).toBe('In piloting since 2026-01-15 (4 months) with no stage change; 4 months is the limit for a typical pilot.');
    expect(result.evidence).toMatchObject({ stage: 'piloting', since: '2026-01-15', months: 4, limitMonths: 4, stalledFrom: '2026-05-15' });
  });
});

describe('stalled_stage since', () => {
  it('is the start of the stage clock, through a pause', () => {
    expect(stalledStage(pilotIn('piloting', '2026-02-10T18:00:00Z'), ctx())[0].since).toBe('2026-02-10');
    const stageChanges = [change('proposed', 'piloting', '2026-02-01T09:00:00Z'), change('piloting', 'paused', '2026-03-01T09:00:00Z'), change('paused', 'piloting', '2026-03-31T09:00:00Z')];
    const h = history({ pilot: { stageEnteredAt: '2026-03-31T09:00:00Z' }, stageChanges });
    expect(stalledStage(h, ctx({}, new Date('2026-07-01T12:00:00Z')))[0].since).toBe('2026-02-01');
    expect(stalledStage(h, ctx({}, new Date('2026-06-30T12:00:00Z')))[0].since).toBeUndefined();
  });
});
