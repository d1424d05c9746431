import { useMemo } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { HEALTHS, type WeeklyUpdate } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { formatWeekRange, shortWeek } from '../format/dates';
import { HEALTH_LABELS } from '../format/labels';
import { AXIS_TICK, CHART_COLORS, HEALTH_COLORS } from './chart-theme';
import { toConfidenceSeries, type ConfidencePoint } from './chart-data/confidence-series';
import { ChartCard } from './ChartCard';

/** Health is drawn as a strip of colored blocks along the bottom, one per week, under the confidence line. */
const HEALTH_STRIP_VALUE = 1;
const HEALTH_AXIS_MAX = 12;

export function ConfidenceHealthChart({ updates }: { updates: WeeklyUpdate[] }) {
  const series = useMemo(
    () => toConfidenceSeries(updates).map((point) => ({ ...point, healthStrip: point.health ? HEALTH_STRIP_VALUE : null })),
    [updates],
  );
  return (
    <ChartCard
      title="Confidence & health"
      description="The lead's confidence that this reaches production (1–5) and the reported health, week by week. Gaps are weeks without an update."
    >
      <ConfidenceLegend />
      {series.length === 0 ? (
        <EmptyState title="No updates yet" />
      ) : (
        <div className="chart" style={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS_TICK} minTickGap={12} tickLine={false} />
              {/* Confidence sits above the health strip: the axis starts below 1. */}
              <YAxis yAxisId="confidence" domain={[-0.2, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} tick={AXIS_TICK} width={28} tickLine={false} axisLine={false} />
              <YAxis yAxisId="health" hide domain={[0, HEALTH_AXIS_MAX]} />
              <Tooltip content={ConfidenceTooltip} cursor={{ stroke: CHART_COLORS.grid }} />
              <Bar yAxisId="health" dataKey="healthStrip" name="Health" isAnimationActive={false} radius={2}>
                {series.map((point) => (
                  <Cell key={point.week} fill={point.health ? HEALTH_COLORS[point.health] : 'transparent'} />
                ))}
              </Bar>
              <Line
                yAxisId="confidence"
                type="monotone"
                dataKey="confidence"
                name="Confidence"
                stroke={CHART_COLORS.primary}
                strokeWidth={2}
                dot={{ r: 3 }}
                activeDot={{ r: 5 }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

function ConfidenceLegend() {
  return (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <span className="legend-line" style={{ background: CHART_COLORS.primary }} aria-hidden="true" />
        Confidence
      </li>
      {HEALTHS.map((health) => (
        <li key={health}>
          <span className="legend-swatch" style={{ background: HEALTH_COLORS[health] }} aria-hidden="true" />
          {HEALTH_LABELS[health]}
        </li>
      ))}
    </ul>
  );
}

function ConfidenceTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ConfidencePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">
        {point.week} <span className="muted">{formatWeekRange(point.week)}</span>
      </p>
      {point.health === null ? (
        <p className="muted">No update this week</p>
      ) : (
        <>
          <p>
            Confidence <strong>{point.confidence}</strong> / 5
          </p>
          <p>
            <span className="dot" style={{ background: HEALTH_COLORS[point.health] }} aria-hidden="true" /> {HEALTH_LABELS[point.health]}
          </p>
          <p className="muted">
            {point.activeUsers} active users, {point.activeUsersOutsideTeam} outside the team
          </p>
        </>
      )}
    </div>
  );
}
