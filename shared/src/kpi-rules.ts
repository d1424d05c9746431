import type { KpiDirection } from './enums';

/**
 * A target must lie in the KPI's direction from its baseline: a lower-is-better KPI whose target is
 * above its baseline would count getting worse as success. Returns the problem, or null when the
 * pair is consistent (or either value is missing).
 */
export function kpiDirectionProblem(direction: KpiDirection, baseline: number | null | undefined, target: number | null | undefined): string | null {
  if (baseline === null || baseline === undefined || target === null || target === undefined) return null;
  if (direction === 'higher_is_better' && !(target > baseline)) return `target must be above the baseline (${baseline}) when higher is better`;
  if (direction === 'lower_is_better' && !(target < baseline)) return `target must be below the baseline (${baseline}) when lower is better`;
  return null;
}

export interface KpiBounds {
  minValue?: number | null;
  maxValue?: number | null;
}

/** A value outside the KPI's allowed range (a negative count, a percentage over 100), or null when it fits. */
export function kpiBoundsProblem(bounds: KpiBounds, value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const { minValue, maxValue } = bounds;
  if (minValue !== null && minValue !== undefined && value < minValue) return `must be at least ${minValue}`;
  if (maxValue !== null && maxValue !== undefined && value > maxValue) return `must be at most ${maxValue}`;
  return null;
}

/** Every bounds problem of a KPI definition, by field: min above max, or baseline / target outside the range. */
export function kpiDefinitionBoundsProblems(kpi: KpiBounds & { baseline?: number | null; target?: number | null }): { field: 'maxValue' | 'baseline' | 'target'; message: string }[] {
  const { minValue, maxValue } = kpi;
  if (minValue !== null && minValue !== undefined && maxValue !== null && maxValue !== undefined && minValue > maxValue) {
    return [{ field: 'maxValue', message: `maxValue must not be below minValue (${minValue})` }];
  }
  const problems: { field: 'baseline' | 'target'; message: string }[] = [];
  for (const field of ['baseline', 'target'] as const) {
    const problem = kpiBoundsProblem(kpi, kpi[field]);
    if (problem) problems.push({ field, message: `${field} ${problem}` });
  }
  return problems;
}
