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
  /** Y-axis range that keeps baseline and target lines in view, with a little headroom. */
  domain: [number, number];
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
  return { kpi, points, latest, progress: progressToTarget(kpi, latest?.value ?? null), domain: kpiDomain(kpi, points) };
}

export function progressToTarget(kpi: Pick<Kpi, 'baseline' | 'target'>, value: number | null): number | null {
  const { baseline, target } = kpi;
  if (value === null || baseline === null || target === null || baseline === target) return null;
  // Signed ratio works for both directions: a lower-is-better target sits below its baseline.
  return (value - baseline) / (target - baseline);
}

function kpiDomain(kpi: Kpi, points: KpiPoint[]): [number, number] {
  const values = points.map((p) => p.value);
  if (kpi.baseline !== null) values.push(kpi.baseline);
  if (kpi.target !== null) values.push(kpi.target);
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max === min ? Math.abs(max) * 0.1 || 1 : (max - min) * 0.1;
  // Don't dip below zero for quantities that never go negative.
  const lower = min >= 0 && min - pad < 0 ? 0 : min - pad;
  return [roundNice(lower), roundNice(max + pad)];
}

function roundNice(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 100) / 100;
}
