import { kpiProgress } from './kpi-progress';
import { kpi } from './testing/history-builder';
import type { HistoryKpi } from './types';

const weekly = (values: number[]) => values.map((value, i) => ({ week: `2026-W${String(10 + i).padStart(2, '0')}`, value }));

describe('kpiProgress', () => {
  it.each<[string, Partial<HistoryKpi>, string]>([
    ['lower is better, at target', { baseline: 10, target: 6, readings: weekly([8, 6]) }, 'reached'],
    ['lower is better, beyond target', { baseline: 10, target: 6, readings: weekly([5.5]) }, 'reached'],
    ['higher is better, at target', { direction: 'higher_is_better', baseline: 50, target: 80, readings: weekly([60, 80]) }, 'reached'],
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
