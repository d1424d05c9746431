import { describe, expect, it } from 'vitest';
import type { PortfolioOverview } from '@liftoff/shared';
import { patternRows, presentPatterns, timeRows } from './overview-data';

const zero = { missing_executive_sponsor: 0, no_integration_path: 0, enthusiast_only_adoption: 0, workflow_unchanged: 0, unclear_success_metrics: 0, wrong_use_case_for_scale: 0 };
const overview = {
  patternsByUnit: [
    { businessUnitId: 'u1', businessUnitName: 'Finance', patterns: { ...zero, no_integration_path: 2 } },
    { businessUnitId: 'u2', businessUnitName: 'HR', patterns: { ...zero, missing_executive_sponsor: 1 } },
  ],
  timeInPilot: [{ bucket: '0-3 months', fromMonths: 0, toMonths: 3, counts: { best: 1, typical: 2, complex: 0 } }],
} as unknown as PortfolioOverview;

describe('overview chart data', () => {
  it('flattens patterns by unit into one row per unit', () => {
    expect(patternRows(overview)).toEqual([
      { unit: 'Finance', businessUnitId: 'u1', ...zero, no_integration_path: 2 },
      { unit: 'HR', businessUnitId: 'u2', ...zero, missing_executive_sponsor: 1 },
    ]);
  });

  it('lists only the patterns present, in the canonical order', () => {
    expect(presentPatterns(overview)).toEqual(['missing_executive_sponsor', 'no_integration_path']);
  });

  it('flattens time buckets by complexity', () => {
    expect(timeRows(overview)).toEqual([{ bucket: '0-3 months', best: 1, typical: 2, complex: 0, fromMonths: 0 }]);
  });
});
