/**
 * Where a KPI stands against its target.
 *  - "reached" needs the latest KPI_SUSTAINED_READINGS readings all at or beyond the target (per
 *    direction) and none of them worse than the baseline: one good week is luck, and a reading
 *    that moved away from the baseline never counts as a target met (a target set on the wrong
 *    side of the baseline cannot be "reached" by getting worse).
 *  - "trending" fits a least-squares line through the readings (x in ISO weeks, so gaps count):
 *    the line must move toward the target and reach it within KPI_PROJECTION_WEEKS of the latest
 *    reading.
 *  - "not_sustained": the latest reading is at target but the ones before it were not (yet).
 */
import { leastSquaresOf, round } from './stats';
import type { HistoryKpi, HistoryKpiReading } from './types';
import { weekIndex } from './week-index';

export const KPI_PROJECTION_WEEKS = 8;
/** Two readings always make a perfect line; a trend needs at least three. */
export const KPI_TREND_MIN_READINGS = 3;
/** Latest readings that must all be at target for "reached". */
export const KPI_SUSTAINED_READINGS = 3;

export type KpiStatus = 'reached' | 'trending' | 'not_sustained' | 'behind' | 'no_readings' | 'not_measurable';

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

/** +1 when higher is better, -1 when lower is: compare `sign * value` as "better is higher". */
function signOf(kpi: HistoryKpi): number {
  return kpi.direction === 'higher_is_better' ? 1 : -1;
}

/** At or beyond the target and no worse than the baseline. */
function atTarget(kpi: HistoryKpi, value: number): boolean {
  const sign = signOf(kpi);
  return kpi.target !== null && kpi.baseline !== null && sign * value >= sign * kpi.target && sign * value >= sign * kpi.baseline;
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
  const sign = signOf(kpi);
  const latestAtTarget = atTarget(kpi, last.value);
  const sustained = readings.length >= KPI_SUSTAINED_READINGS && readings.slice(-KPI_SUSTAINED_READINGS).every((r) => atTarget(kpi, r.value));
  const progress = target === baseline ? (latestAtTarget ? 1 : 0) : round((last.value - baseline) / (target - baseline), 3);
  let projected: number | null = null;
  let towardTarget = false;
  if (readings.length >= KPI_TREND_MIN_READINGS) {
    const first = weekIndex(readings[0].week);
    const fit = leastSquaresOf(readings, (r) => weekIndex(r.week) - first, (r) => r.value);
    if (fit) {
      projected = round(fit.intercept + fit.slope * (weekIndex(last.week) - first + KPI_PROJECTION_WEEKS), 3);
      towardTarget = sign * fit.slope > 0;
    }
  }
  let status: KpiStatus = 'behind';
  if (sustained) status = 'reached';
  else if (projected !== null && towardTarget && sign * projected >= sign * target && sign * target >= sign * baseline) status = 'trending';
  else if (latestAtTarget) status = 'not_sustained';
  return { ...base, status, progress, projected };
}

/**
 * Whether a KPI moved toward its target from `fromWeek` on: its latest reading is better than the
 * reading in force when the period began (the latest before `fromWeek`, else the first inside it),
 * or the target is reached. Used by busy_not_progressing.
 */
export function kpiMovedSince(kpi: HistoryKpi, fromWeek: string): boolean {
  if (kpi.baseline === null || kpi.target === null || kpi.readings.length === 0) return false;
  if (kpiProgress(kpi).status === 'reached') return true;
  const from = weekIndex(fromWeek);
  let reference: HistoryKpiReading | null = null;
  let firstInside: HistoryKpiReading | null = null;
  for (const r of kpi.readings) {
    if (weekIndex(r.week) < from) reference = r;
    else if (!firstInside) firstInside = r;
  }
  const start = reference ?? firstInside;
  const last = kpi.readings[kpi.readings.length - 1];
  if (!start || !firstInside || start === last) return false;
  const sign = signOf(kpi);
  return sign * last.value > sign * start.value && sign * (kpi.target - start.value) > 0;
}
