/**
 * Where a KPI stands against its target. "Reached" reads the latest reading; "trending" fits a
 * least-squares line through the readings (x in ISO weeks, so gaps count) and asks whether the line
 * reaches the target within KPI_PROJECTION_WEEKS of the latest reading.
 */
import { leastSquaresOf, round } from './stats';
import type { HistoryKpi } from './types';
import { weekIndex } from './week-index';

export const KPI_PROJECTION_WEEKS = 8;
/** Two readings always make a perfect line; a trend needs at least three. */
export const KPI_TREND_MIN_READINGS = 3;

export type KpiStatus = 'reached' | 'trending' | 'behind' | 'no_readings' | 'not_measurable';

export interface KpiProgress {
  kpiId: string;
  name: string;
  status: KpiStatus;
  latest: number | null;
  latestWeek: string | null;
  baseline: number | null;
  target: number | null;
  /** Share of the baseline-to-target gap closed by the latest reading (1 = target met). */
  progress: number | null;
  /** Fitted value KPI_PROJECTION_WEEKS after the latest reading, when a trend could be fitted. */
  projected: number | null;
}

export function kpiProgress(kpi: HistoryKpi): KpiProgress {
  const { baseline, target, readings } = kpi;
  const last = readings.length > 0 ? readings[readings.length - 1] : null;
  const base: KpiProgress = {
    kpiId: kpi.id,
    name: kpi.name,
    status: 'not_measurable',
    latest: last?.value ?? null,
    latestWeek: last?.week ?? null,
    baseline,
    target,
    progress: null,
    projected: null,
  };
  if (baseline === null || target === null) return base;
  if (!last) return { ...base, status: 'no_readings' };
  // Compare in "better is higher" terms so both directions share one code path.
  const sign = kpi.direction === 'higher_is_better' ? 1 : -1;
  const reached = sign * last.value >= sign * target;
  const progress = target === baseline ? (reached ? 1 : 0) : round((last.value - baseline) / (target - baseline), 3);
  let projected: number | null = null;
  if (readings.length >= KPI_TREND_MIN_READINGS) {
    const first = weekIndex(readings[0].week);
    const fit = leastSquaresOf(readings, (r) => weekIndex(r.week) - first, (r) => r.value);
    if (fit) projected = round(fit.intercept + fit.slope * (weekIndex(last.week) - first + KPI_PROJECTION_WEEKS), 3);
  }
  let status: KpiStatus = 'behind';
  if (reached) status = 'reached';
  else if (projected !== null && sign * projected >= sign * target) status = 'trending';
  return { ...base, status, progress, projected };
}
