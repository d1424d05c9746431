import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { Kpi, WeeklyUpdate } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { shortWeek } from '../format/dates';
import { formatNumber } from '../format/numbers';
import { AXIS_TICK, CHART_COLORS } from './chart-theme';
import { toKpiSeries, type KpiPoint, type KpiSeries } from './chart-data/kpi-series';
import { ChartCard } from './ChartCard';

export function KpiCharts({ kpis, updates }: { kpis: Kpi[]; updates: WeeklyUpdate[] }) {
  const series = useMemo(() => kpis.map((kpi) => toKpiSeries(kpi, updates)), [kpis, updates]);
  return (
    <ChartCard title="KPIs" description="Weekly readings against the baseline (grey) and the target (green).">
      {series.length === 0 ? (
        <EmptyState title="No KPIs defined">A pilot without measurable KPIs is hard to scale: agree on one or two with the sponsor.</EmptyState>
      ) : (
        <div className="kpi-grid">
          {series.map((item) => (
            <KpiChart key={item.kpi.id} series={item} />
          ))}
        </div>
      )}
    </ChartCard>
  );
}

function KpiChart({ series }: { series: KpiSeries }) {
  const { kpi, points, latest, domain, ticks } = series;
  // Labels on opposite sides, each on the far side of its line from the other: they never overlap.
  const baselineHigher = kpi.baseline !== null && kpi.target !== null && kpi.baseline > kpi.target;
  return (
    <figure className="kpi-chart">
      <figcaption className="kpi-chart-header">
        <span className="kpi-chart-name">{kpi.name}</span>
        <span className="kpi-chart-latest">
          {latest ? withUnit(latest.value, kpi.unit) : 'No readings'}
        </span>
        <span className="kpi-chart-progress">{describeProgress(series)}</span>
      </figcaption>
      {points.length > 0 && (
        <div className="chart" style={{ height: 150 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS_TICK} minTickGap={16} tickLine={false} />
              <YAxis domain={domain} ticks={ticks} interval={0} tick={AXIS_TICK} width={44} tickLine={false} axisLine={false} tickFormatter={(v: number) => formatNumber(v)} />
              <Tooltip content={(props: TooltipContentProps) => <KpiTooltip {...props} unit={kpi.unit} />} />
              {kpi.baseline !== null && (
                <ReferenceLine y={kpi.baseline} stroke={CHART_COLORS.baseline} strokeDasharray="4 4" label={{ value: 'Baseline', position: baselineHigher ? 'insideTopLeft' : 'insideBottomLeft', fill: CHART_COLORS.axis, fontSize: 11 }} />
              )}
              {kpi.target !== null && (
                <ReferenceLine y={kpi.target} stroke={CHART_COLORS.target} strokeDasharray="4 4" label={{ value: 'Target', position: baselineHigher ? 'insideBottomRight' : 'insideTopRight', fill: CHART_COLORS.target, fontSize: 11 }} />
              )}
              <Line type="monotone" dataKey="value" name={kpi.name} stroke={CHART_COLORS.primary} strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

function describeProgress({ kpi, progress }: KpiSeries): string {
  const bounds = `Baseline ${formatNumber(kpi.baseline)} · Target ${formatNumber(kpi.target)}`;
  if (progress === null) return bounds;
  if (progress >= 1) return `Target reached · ${bounds}`;
  if (progress < 0) return `Worse than baseline · ${bounds}`;
  return `${Math.round(progress * 100)}% of the way to target · ${bounds}`;
}

function KpiTooltip({ active, payload, unit }: TooltipContentProps & { unit: string }) {
  const point = payload?.[0]?.payload as KpiPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{point.week}</p>
      <p>
        <strong>{withUnit(point.value, unit)}</strong>
      </p>
    </div>
  );
}
