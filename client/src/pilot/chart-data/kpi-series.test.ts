import { describe, expect, it } from 'vitest';
import { makeKpi, makeUpdate } from '../../test/fixtures';
import { kpiTicks, progressToTarget, toKpiSeries } from './kpi-series';

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

  it.each([
    [{ baseline: 12, target: 8 }, [9.3, 8.7, 7.9], [6, 8, 10, 12]],
    [{ baseline: 0.4, target: 0.75 }, [0.43, 0.61], [0.4, 0.5, 0.6, 0.7, 0.8]],
    [{ baseline: 1200, target: 5000 }, [1800, 3300], [1000, 2000, 3000, 4000, 5000]],
    [{ baseline: -3, target: 2 }, [-1], [-4, -2, 0, 2]],
  ])('puts the axis on round, evenly spaced ticks: %j', (bounds, values, ticks) => {
    const points = values.map((value, i) => ({ week: `2026-W${10 + i}`, value }));
    expect(kpiTicks(bounds, points)).toEqual(ticks);
  });
});
