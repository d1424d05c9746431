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
