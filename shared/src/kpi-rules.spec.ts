import { kpiBoundsProblem, kpiDefinitionBoundsProblems } from './kpi-rules';

describe('kpiBoundsProblem', () => {
  it.each([
    [{ minValue: 0, maxValue: 100 }, 0, null],
    [{ minValue: 0, maxValue: 100 }, 100, null],
    [{ minValue: 0, maxValue: 100 }, -0.5, 'must be at least 0'],
    [{ minValue: 0, maxValue: 100 }, 100.5, 'must be at most 100'],
    [{ minValue: null, maxValue: null }, -1e9, null],
    [{ minValue: 5 }, null, null],
  ])('bounds %j, value %p: %p', (bounds, value, expected) => {
    expect(kpiBoundsProblem(bounds, value)).toBe(expected);
  });
});

describe('kpiDefinitionBoundsProblems', () => {
  it.each([
    [{ minValue: 0, maxValue: 10, baseline: 2, target: 8 }, []],
    [{ minValue: 10, maxValue: 0, baseline: 50, target: 80 }, ['maxValue']],
    [{ minValue: 0, baseline: -1, target: -2 }, ['baseline', 'target']],
    [{ maxValue: 100, baseline: 50, target: 120 }, ['target']],
    [{ baseline: -1, target: 5 }, []],
  ])('%j names %j', (kpi, fields) => {
    expect(kpiDefinitionBoundsProblems(kpi).map((p) => p.field)).toEqual(fields);
  });
});
