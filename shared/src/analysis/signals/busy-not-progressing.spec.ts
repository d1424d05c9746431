import type { Health } from '../../enums';
import { assessment, ctx, history, kpi, recentUpdates, type HistoryOverrides } from '../testing/history-builder';
import { busyNotProgressing } from './busy-not-progressing';

const codes: Record<string, Health> = { o: 'on_track', r: 'at_risk', x: 'off_track' };
/** One letter per update ending 2026-W23 (today is in W24): o = on track, r = at risk, x = off track. */
const healths = (pattern: string) => recentUpdates(pattern.length, (i) => ({ health: codes[pattern[i]] }));
// Eight updates: W16..W23; the window starts on Monday 13 April 2026. Piloting since 1 April.
const EIGHT_GREEN = healths('oooooooo');
const reading = (week: string, value: number) => ({ week, value });

describe('busy_not_progressing', () => {
  it.each<[string, HistoryOverrides, boolean]>([
    ['8 green updates, same stage, nothing moving', { updates: EIGHT_GREEN }, true],
    ['five months of green updates with the stage never moving', { updates: healths('o'.repeat(22)), pilot: { stageEnteredAt: '2026-01-05T09:00:00Z' }, stageChanges: [] }, true],
    ['only 7 updates', { updates: healths('ooooooo') }, false],
    ['6 of 8 on track (75%): still mostly green', { updates: healths('oorooxoo') }, true],
    ['5 of 8 on track: not busy-looking, the red rules speak', { updates: healths('orroxooo') }, false],
    ['moved from proposed to piloting inside the window', { updates: EIGHT_GREEN, stageChanges: [{ fromStage: 'proposed', toStage: 'piloting', changedAt: '2026-04-20T09:00:00Z' }] }, false],
    [
      'resumed from a pause inside the window: not an advance',
      { updates: EIGHT_GREEN, stageChanges: [{ fromStage: 'proposed', toStage: 'piloting', changedAt: '2026-02-01T09:00:00Z' }, { fromStage: 'piloting', toStage: 'paused', changedAt: '2026-04-14T09:00:00Z' }, { fromStage: 'paused', toStage: 'piloting', changedAt: '2026-04-16T09:00:00Z' }] },
      true,
    ],
    ['readiness improved since before the window', { updates: EIGHT_GREEN, assessments: [assessment({ integration_readiness: 'partial' }, 'pass', '2026-03-01T10:00:00Z'), assessment()] }, false],
    ['readiness improved between two assessments inside the window', { updates: EIGHT_GREEN, assessments: [assessment({ measurement: 'fail' }, 'pass', '2026-04-20T10:00:00Z'), assessment()] }, false],
    ['readiness got worse', { updates: EIGHT_GREEN, assessments: [assessment({}, 'pass', '2026-03-01T10:00:00Z'), assessment({ measurement: 'partial' })] }, true],
    ['a lone first assessment inside the window proves nothing', { updates: EIGHT_GREEN, assessments: [assessment()] }, true],
    ['KPI moving toward its target', { updates: EIGHT_GREEN, kpis: [kpi({ readings: [reading('2026-W14', 10), reading('2026-W18', 9.5), reading('2026-W22', 9)] })] }, false],
    ['KPI flat', { updates: EIGHT_GREEN, kpis: [kpi({ readings: [reading('2026-W14', 10), reading('2026-W18', 10), reading('2026-W22', 10)] })] }, true],
    ['KPI moving away from its target', { updates: EIGHT_GREEN, kpis: [kpi({ readings: [reading('2026-W14', 9), reading('2026-W22', 10)] })] }, true],
    ['KPI held at target: that is progress', { updates: EIGHT_GREEN, kpis: [kpi({ readings: [reading('2026-W20', 6), reading('2026-W21', 5.5), reading('2026-W22', 6)] })] }, false],
    ['paused', { updates: EIGHT_GREEN, pilot: { stage: 'paused' } }, false],
    ['proposed', { updates: EIGHT_GREEN, pilot: { stage: 'proposed' } }, false],
    ['production', { updates: EIGHT_GREEN, pilot: { stage: 'production' } }, false],
    ['scaling', { updates: EIGHT_GREEN, pilot: { stage: 'scaling' }, stageChanges: [{ fromStage: 'piloting', toStage: 'scaling', changedAt: '2026-03-01T09:00:00Z' }] }, true],
  ])('%s -> %s', (_name, overrides, fires) => {
    const results = busyNotProgressing(history(overrides), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'busy_not_progressing', fires });
  });

  it.each([
    [{ busyNotProgressingUpdates: 4 }, 'oooo', true],
    [{ busyNotProgressingUpdates: 4, busyOnTrackShareMin: 1 }, 'ooor', false],
    [{ busyOnTrackShareMin: 0.5 }, 'orroxooo', true],
  ])('honours %p with %s', (thresholds, pattern, fires) => {
    expect(busyNotProgressing(history({ updates: healths(pattern) }), ctx(thresholds))[0].fires).toBe(fires);
  });

  it('states the evidence', () => {
    const [result] = busyNotProgressing(history({ updates: healths('oooooroo') }), ctx());
    expect(result.summary).toBe('7 of the last 8 updates since 2026-W16 on track, yet no stage advance, no readiness test improved and no KPI moved toward its target.');
    expect(result.evidence).toEqual({ since: '2026-W16', updates: 8, onTrack: 7, stageAdvanced: false, improvedTests: [], movingKpis: [] });
  });
});

describe('busy_not_progressing since', () => {
  it.each<[string, HistoryOverrides, string | undefined]>([
    ['8 green updates: the window starts W16', { updates: EIGHT_GREEN }, '2026-04-13'],
    ['22 green updates: still the window, not the first update', { updates: healths('o'.repeat(22)), pilot: { stageEnteredAt: '2026-01-05T09:00:00Z' }, stageChanges: [] }, '2026-04-13'],
    ['only 7 updates', { updates: healths('ooooooo') }, undefined],
  ])('%s', (_name, overrides, since) => {
    expect(busyNotProgressing(history(overrides), ctx())[0].since).toBe(since);
  });
});
