import { describe, expect, it } from 'vitest';
import { makeKpi, makeUpdate } from '../../test/fixtures';
import { progressToTarget, toKpiSeries } from './kpi-series';

const reading = (value: number, kpiId = 'kpi-1') => ({ kpiId, kpiName: 'Handling time', value });

describe('toKpiSeries', () => {
  it('collects readings of one KPI, oldest first, skipping weeks without one', () => {
    const series = toKpiSeries(makeKpi(), [
      makeUpdate({ week: '2026-W42', kpiReadings: [reading(18)] }),
      makeUpdate({ week: '2026-W41', kpiReadings: [reading(99, 'other')] }),
      makeUpdate({ week: '2026-W40', kpiReadings: [reading(24)] }),
    ]);
    expect(series.points).toEqual([
      { week: '2026-W40', value: 24 },
      { week: '2026-W42', value: 18 },
    ]);
    expect(series.latest).toEqual({ week: '2026-W42', value: 18 });
  });

  it('keeps baseline and target inside the y-axis range', () => {
    const series = toKpiSeries(makeKpi({ baseline: 30, target: 15 }), [makeUpdate({ kpiReadings: [reading(20)] })]);
    expect(series.domain[0]).toBeLessThanOrEqual(15);
    expect(series.domain[1]).toBeGreaterThanOrEqual(30);
  });

  it('has a usable range without readings or bounds', () => {
    expect(toKpiSeries(makeKpi({ baseline: null, target: null }), []).domain).toEqual([0, 1]);
  });
});

describe('progressToTarget', () => {
  it('measures the way from baseline to target in either direction', () => {
    expect(progressToTarget({ baseline: 30, target: 15 }, 20)).toBeCloseTo(2 / 3);
    expect(progressToTarget({ baseline: 10, target: 20 }, 25)).toBe(1.5);
    expect(progressToTarget({ baseline: 10, target: 20 }, 5)).toBe(-0.5);
  });

  it('is unknown without both bounds or a reading', () => {
    expect(progressToTarget({ baseline: null, target: 20 }, 5)).toBeNull();
    expect(progressToTarget({ baseline: 10, target: 10 }, 5)).toBeNull();
    expect(progressToTarget({ baseline: 10, target: 20 }, null)).toBeNull();
  });
});
