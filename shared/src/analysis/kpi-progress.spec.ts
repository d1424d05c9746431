import { kpiMovedSince, kpiProgress } from './kpi-progress';
import { kpi } from './testing/history-builder';
import type { HistoryKpi } from './types';

const weekly = (values: number[]) => values.map((value, i) => ({ week: `2026-W${String(10 + i).padStart(2, '0')}`, value }));

describe('kpiProgress', () => {
  it.each<[string, Partial<HistoryKpi>, string]>([
    // One good week is not "reached" any more: the latest 3 readings must all be at target (these two were 'reached').
    ['lower is better, at target once', { baseline: 10, target: 6, readings: weekly([8, 6]) }, 'not_sustained'],
    ['lower is better, beyond target once', { baseline: 10, target: 6, readings: weekly([5.5]) }, 'not_sustained'],
    ['lower is better, held for 3 readings', { baseline: 10, target: 6, readings: weekly([9, 6, 5.8, 6]) }, 'reached'],
    ['higher is better, at target once', { direction: 'higher_is_better', baseline: 50, target: 80, readings: weekly([60, 80]) }, 'not_sustained'],
    ['higher is better, held for 3 readings', { direction: 'higher_is_better', baseline: 50, target: 80, readings: weekly([80, 82, 80]) }, 'reached'],
    ['higher is better, slipped below in the latest', { direction: 'higher_is_better', baseline: 50, target: 80, readings: weekly([80, 82, 79]) }, 'behind'],
    // A target on the wrong side of the baseline: getting worse never counts as reaching it.
    ['lower is better, target above baseline, readings got worse', { baseline: 10, target: 12, readings: weekly([11, 11.5, 11]) }, 'behind'],
    ['higher is better, target below baseline, readings fell', { direction: 'higher_is_better', baseline: 50, target: 40, readings: weekly([45, 44, 43, 42]) }, 'behind'],
    ['higher is better, one short, only 2 readings', { direction: 'higher_is_better', baseline: 50, target: 80, readings: weekly([60, 79]) }, 'behind'],
    // y = x over weeks 0..4 projects to exactly 12 at week 4 + 8.
    ['projection reaches the target at exactly 8 weeks', { direction: 'higher_is_better', baseline: 0, target: 12, readings: weekly([0, 1, 2, 3, 4]) }, 'trending'],
    ['projection just misses the target', { direction: 'higher_is_better', baseline: 0, target: 12.5, readings: weekly([0, 1, 2, 3, 4]) }, 'behind'],
    ['lower is better, falling fast', { baseline: 10, target: 6, readings: weekly([10, 9.5, 9, 8.5]) }, 'trending'],
    ['moving the wrong way', { baseline: 10, target: 6, readings: weekly([9, 9.5, 10]) }, 'behind'],
    ['no readings', { readings: [] }, 'no_readings'],
    ['no target', { target: null, readings: weekly([5]) }, 'not_measurable'],
    ['no baseline', { baseline: null, readings: weekly([5]) }, 'not_measurable'],
  ])('%s -> %s', (_name, overrides, status) => {
    expect(kpiProgress(kpi(overrides)).status).toBe(status);
  });

  it('measures the trend in ISO weeks, so gaps slow it down', () => {
    const base = { direction: 'higher_is_better' as const, baseline: 0, target: 5 };
    const spread = [
      { week: '2026-W01', value: 0 },
      { week: '2026-W05', value: 1 },
      { week: '2026-W09', value: 2 },
    ];
    // Consecutive weeks: +1 per week, 10 projected. Every fourth week: +0.25 per week, 4 projected.
    expect(kpiProgress(kpi({ ...base, readings: weekly([0, 1, 2]) }))).toMatchObject({ status: 'trending', projected: 10 });
    expect(kpiProgress(kpi({ ...base, readings: spread }))).toMatchObject({ status: 'behind', projected: 4, progress: 0.4 });
  });

  it('reports progress from baseline to target', () => {
    expect(kpiProgress(kpi({ baseline: 10, target: 6, readings: weekly([9]) }))).toMatchObject({ latest: 9, latestWeek: '2026-W10', progress: 0.25, projected: null });
  });
});

describe('kpiMovedSince', () => {
  const at = (week: string, value: number) => ({ week, value });
  it.each<[string, Partial<HistoryKpi>, boolean]>([
    ['better than the reading in force at the start', { readings: [at('2026-W08', 10), at('2026-W12', 9)] }, true],
    ['only readings inside: first against latest', { readings: [at('2026-W10', 10), at('2026-W12', 9.5)] }, true],
    ['flat', { readings: [at('2026-W08', 9), at('2026-W12', 9)] }, false],
    ['worse', { readings: [at('2026-W08', 9), at('2026-W12', 9.5)] }, false],
    ['nothing read inside the period', { readings: [at('2026-W05', 10), at('2026-W08', 8)] }, false],
    ['a single reading inside', { readings: [at('2026-W11', 8)] }, false],
    ['target reached and held', { readings: [at('2026-W04', 6), at('2026-W05', 6), at('2026-W06', 5)] }, true],
    ['not measurable', { target: null, readings: [at('2026-W08', 10), at('2026-W12', 9)] }, false],
  ])('%s -> %s', (_name, overrides, moved) => {
    expect(kpiMovedSince(kpi(overrides), '2026-W10')).toBe(moved);
  });
});
