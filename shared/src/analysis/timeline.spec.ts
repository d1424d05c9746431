import type { Stage } from '../enums';
import { formatDay } from './dates';
import { ctx, history } from './testing/history-builder';
import { stageClock, timelinePosition } from './timeline';
import type { HistoryStageChange } from './types';

const change = (fromStage: Stage | null, toStage: Stage, changedAt: string): HistoryStageChange => ({ fromStage, toStage, changedAt: `${changedAt}T09:00:00Z` });
const TODAY = new Date('2026-06-10T12:00:00Z');

describe('stageClock', () => {
  it.each<[string, Stage, string, HistoryStageChange[], { since: string; activeDays: number; pausedDays: number; paused: boolean; stage: Stage }]>([
    ['one entry', 'piloting', '2026-04-01', [change('proposed', 'piloting', '2026-04-01')], { stage: 'piloting', since: '2026-04-01', activeDays: 70, pausedDays: 0, paused: false }],
    ['no stage changes: stageEnteredAt', 'piloting', '2026-05-01', [], { stage: 'piloting', since: '2026-05-01', activeDays: 40, pausedDays: 0, paused: false }],
    ['records that disagree with the stage: stageEnteredAt', 'scaling', '2026-05-01', [change('proposed', 'piloting', '2026-04-01')], { stage: 'scaling', since: '2026-05-01', activeDays: 40, pausedDays: 0, paused: false }],
    [
      'paused and resumed: the clock continues, paused days left out',
      'piloting',
      '2026-05-01',
      [change('proposed', 'piloting', '2026-03-01'), change('piloting', 'paused', '2026-04-01'), change('paused', 'piloting', '2026-05-01')],
      { stage: 'piloting', since: '2026-03-01', activeDays: 31 + 40, pausedDays: 30, paused: false },
    ],
    [
      'two pauses',
      'piloting',
      '2026-06-01',
      [change(null, 'piloting', '2026-03-01'), change('piloting', 'paused', '2026-03-11'), change('paused', 'piloting', '2026-03-21'), change('piloting', 'paused', '2026-05-01'), change('paused', 'piloting', '2026-06-01')],
      { stage: 'piloting', since: '2026-03-01', activeDays: 10 + 41 + 9, pausedDays: 10 + 31, paused: false },
    ],
    [
      'paused now: frozen at the pause',
      'paused',
      '2026-05-01',
      [change('proposed', 'piloting', '2026-03-01'), change('piloting', 'paused', '2026-05-01')],
      { stage: 'piloting', since: '2026-03-01', activeDays: 61, pausedDays: 40, paused: true },
    ],
    [
      'resumed into another stage: a new clock',
      'scaling',
      '2026-05-01',
      [change('proposed', 'piloting', '2026-03-01'), change('piloting', 'paused', '2026-04-01'), change('paused', 'scaling', '2026-05-01')],
      { stage: 'scaling', since: '2026-05-01', activeDays: 40, pausedDays: 0, paused: false },
    ],
    [
      'earlier piloting run before a move back is not joined',
      'piloting',
      '2026-05-01',
      [change(null, 'piloting', '2026-01-01'), change('piloting', 'scaling', '2026-03-01'), change('scaling', 'piloting', '2026-05-01')],
      { stage: 'piloting', since: '2026-05-01', activeDays: 40, pausedDays: 0, paused: false },
    ],
    [
      'backdated: stageEnteredAt before the recorded entry counts',
      'piloting',
      '2025-12-01',
      [change(null, 'piloting', '2026-05-01')],
      { stage: 'piloting', since: '2025-12-01', activeDays: 191, pausedDays: 0, paused: false },
    ],
  ])('%s', (_name, stage, enteredOn, stageChanges, expected) => {
    const clock = stageClock(history({ pilot: { stage, stageEnteredAt: `${enteredOn}T09:00:00Z` }, stageChanges }), TODAY);
    expect({ stage: clock.stage, since: formatDay(clock.sinceDay), activeDays: clock.activeDays, pausedDays: clock.pausedDays, paused: clock.paused }).toEqual(expected);
  });
});

describe('timelinePosition', () => {
  it('measures piloting against the timebox and scaling against the complexity bound', () => {
    const piloting = history({ pilot: { stageEnteredAt: '2026-01-10T09:00:00Z' }, stageChanges: [] });
    expect(timelinePosition(piloting, TODAY, ctx().thresholds)).toMatchObject({ phase: 'piloting', boundMonths: 6, since: '2026-01-10', deadline: '2026-07-10' });
    const scaling = history({ pilot: { stage: 'scaling', complexity: 'best', stageEnteredAt: '2026-03-10T09:00:00Z' }, stageChanges: [] });
    expect(timelinePosition(scaling, TODAY, ctx().thresholds)).toMatchObject({ phase: 'scaling', boundMonths: 3, deadline: '2026-06-10', elapsedDays: 92, boundDays: 92, ratio: 1 });
    expect(timelinePosition(history({ pilot: { stage: 'proposed' } }), TODAY, ctx().thresholds)).toMatchObject({ phase: 'none', ratio: 0 });
  });

  it('counts scaling from a recorded completion date when there is one', () => {
    const h = history({ pilot: { stage: 'scaling', complexity: 'typical', stageEnteredAt: '2026-05-01T09:00:00Z', pilotCompletedOn: '2025-12-01' }, stageChanges: [] });
    expect(timelinePosition(h, TODAY, ctx().thresholds)).toMatchObject({ since: '2025-12-01', deadline: '2026-06-01', elapsedDays: 191 });
  });
});
