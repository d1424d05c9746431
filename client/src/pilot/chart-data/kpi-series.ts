import { compareIsoWeeks, type Kpi, type WeeklyUpdate } from '@liftoff/shared';

export interface KpiPoint {
  week: string;
  value: number;
}

export interface KpiSeries {
  kpi: Kpi;
  points: KpiPoint[];
  latest: KpiPoint | null;
  /** Share of the way from baseline to target (0 = baseline, 1 = target reached), null if unknown. */
  progress: number | null;
  /** Y-axis range that keeps baseline and target lines in view, on round numbers. */
  domain: [number, number];
  /** Evenly spaced round ticks spanning `domain` (steps of 1, 2, 2.5 or 5 times a power of ten). */
  ticks: number[];
}

/** The readings of one KPI across updates, oldest first, with where it stands against its target. */
export function toKpiSeries(kpi: Kpi, updates: readonly WeeklyUpdate[]): KpiSeries {
  const points: KpiPoint[] = [];
  for (const update of updates) {
    const reading = update.kpiReadings.find((r) => r.kpiId === kpi.id);
    if (reading) points.push({ week: update.week, value: reading.value });
  }
  points.sort((a, b) => compareIsoWeeks(a.week, b.week));
  const latest = points.at(-1) ?? null;
  const ticks = kpiTicks(kpi, points);
  return { kpi, points, latest, progress: progressToTarget(kpi, latest?.value ?? null), domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

export function progressToTarget(kpi: Pick<Kpi, 'baseline' | 'target'>, value: number | null): number | null {
  const { baseline, target } = kpi;
  if (value === null || baseline === null || target === null || baseline === target) return null;
  // Signed ratio works for both directions: a lower-is-better target sits below its baseline.
  return (value - baseline) / (target - baseline);
}

const TARGET_TICKS = 4;

/** Round ticks around the readings, the baseline and the target. */
export function kpiTicks(kpi: Pick<Kpi, 'baseline' | 'target'>, points: readonly KpiPoint[]): number[] {
  const values = points.map((p) => p.value);
  if (kpi.baseline !== null) values.push(kpi.baseline);
  if (kpi.target !== null) values.push(kpi.target);
  if (values.length === 0) return [0, 1];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) {
    const pad = Math.abs(max) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const step = niceStep((max - min) / TARGET_TICKS);
  // Quantities that are never negative keep their axis at or above zero.
  const lower = Math.min(...values) >= 0 ? Math.max(0, Math.floor(min / step) * step) : Math.floor(min / step) * step;
  const upper = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = lower; tick <= upper + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}
