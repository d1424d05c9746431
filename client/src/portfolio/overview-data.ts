import { PATTERNS, type Pattern, type PortfolioOverview } from '@liftoff/shared';

export const PATTERN_LABELS: Record<Pattern, string> = {
  missing_executive_sponsor: 'No sponsor',
  no_integration_path: 'No integration path',
  enthusiast_only_adoption: 'Enthusiasts only',
  workflow_unchanged: 'Workflow unchanged',
  unclear_success_metrics: 'Unclear metrics',
  wrong_use_case_for_scale: 'Wrong use case',
};

export const PATTERN_COLORS: Record<Pattern, string> = {
  missing_executive_sponsor: '#7c3aed',
  no_integration_path: '#c2410c',
  enthusiast_only_adoption: '#d99a1e',
  workflow_unchanged: '#0e7490',
  unclear_success_metrics: '#64748b',
  wrong_use_case_for_scale: '#be123c',
};

/** One row per unit with a column per pattern, the shape a stacked bar chart wants. */
export function patternRows(overview: PortfolioOverview): ({ unit: string; businessUnitId: string } & Record<Pattern, number>)[] {
  return overview.patternsByUnit.map((u) => ({ unit: u.businessUnitName, businessUnitId: u.businessUnitId, ...u.patterns }));
}

/** Patterns that occur at all, so the legend lists only what is on the chart. */
export function presentPatterns(overview: PortfolioOverview): Pattern[] {
  return PATTERNS.filter((p) => overview.patternsByUnit.some((u) => u.patterns[p] > 0));
}

/** Time-in-pilot buckets flattened for a stacked bar, with whether the bucket lies past each bound. */
export function timeRows(overview: PortfolioOverview) {
  return overview.timeInPilot.map((b) => ({ bucket: b.bucket, best: b.counts.best, typical: b.counts.typical, complex: b.counts.complex, fromMonths: b.fromMonths }));
}
