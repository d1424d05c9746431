import { describe, expect, it } from 'vitest';
import { makeUpdate } from '../test/fixtures';
import { previousValues } from './last-week';

const reading = (kpiId: string, value: number) => ({ kpiId, kpiName: kpiId, value });

describe('last week’s values for the update form', () => {
  it('takes the update of the week before, labelled "Last week"', () => {
    const updates = [makeUpdate({ week: '2026-W40', confidence: 4, activeUsers: 30, activeUsersOutsideTeam: 8, health: 'at_risk', kpiReadings: [reading('k1', 21.5)] })];
    expect(previousValues(updates, '2026-W41')).toEqual({
      health: { label: 'Last week', value: 'at_risk' },
      confidence: { label: 'Last week', value: 4 },
      activeUsers: { label: 'Last week', value: 30 },
      activeUsersOutsideTeam: { label: 'Last week', value: 8 },
      kpis: { k1: { label: 'Last week', value: 21.5 } },
    });
  });

  it.each([
    ['a pilot that skipped weeks: the latest update, with its week', ['2026-W37', '2026-W35'], '2026-W40', 'Last update (2026-W37)', 1],
    ['the week itself and later ones are not "before"', ['2026-W41', '2026-W40', '2026-W39'], '2026-W40', 'Last week', 3],
    ['across a year end', ['2025-W52'], '2026-W01', 'Last week', 1],
  ])('%s', (_case, weeks, week, label, confidence) => {
    // Confidence numbers the updates (1 = first listed), to tell which one was taken.
    const updates = weeks.map((w, i) => makeUpdate({ id: `u${i}`, week: w, confidence: i + 1 }));
    expect(previousValues(updates, week)!.confidence).toEqual({ label, value: confidence });
  });

  it('gives each KPI its latest reading, from whichever update had one', () => {
    const updates = [
      makeUpdate({ id: 'a', week: '2026-W40', kpiReadings: [reading('k1', 20)] }),
      makeUpdate({ id: 'b', week: '2026-W38', kpiReadings: [reading('k1', 25), reading('k2', 90)] }),
    ];
    expect(previousValues(updates, '2026-W41')!.kpis).toEqual({ k1: { label: 'Last week', value: 20 }, k2: { label: 'Last reading (2026-W38)', value: 90 } });
  });

  it('has nothing for a first update', () => {
    expect(previousValues([], '2026-W41')).toBeNull();
    expect(previousValues([makeUpdate({ week: '2026-W41' })], '2026-W41')).toBeNull();
  });
});
