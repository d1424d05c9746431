import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { HEALTHS, type PortfolioFilter, type PortfolioOverview } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { formatWeekRange, shortWeek } from '../format/dates';
import { HEALTH_LABELS } from '../format/labels';
import { ChartCard } from '../pilot/ChartCard';
import { AXIS_TICK, CHART_COLORS, HEALTH_COLORS } from '../pilot/chart-theme';
import { healthWeekLink, selectedHealthWeek, type HealthWeekRow } from './overview-data';

interface ChartProps {
  overview: PortfolioOverview;
  filter: PortfolioFilter;
}

/**
 * Weekly updates by health, stacked. A click on the chart picks a week; the line under it gives that
 * week's counts as links to the pilots behind each, and a select picks the week without a pointer.
 */
export function HealthOverTimeChart({ overview, filter }: ChartProps) {
  const rows = overview.healthOverTime;
  const [picked, setPicked] = useState<string | null>(null);
  const hasData = rows.some((r) => r.on_track + r.at_risk + r.off_track > 0);
  const selected = selectedHealthWeek(rows, picked);
  return (
    <ChartCard title="Portfolio health over time" description="Weekly updates by the health they reported, over the last year. Click a week for its pilots.">
      {!hasData || !selected ? (
        <EmptyState title="No updates in the last year" />
      ) : (
        <>
          <ResponsiveContainer width="100%" height={240}>
            <AreaChart
              data={rows}
              margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
              style={{ cursor: 'pointer' }}
              onClick={(state) => {
                if (typeof state.activeLabel === 'string') setPicked(state.activeLabel);
              }}
            >
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="week" tick={AXIS_TICK} tickFormatter={shortWeek} minTickGap={28} />
              <YAxis tick={AXIS_TICK} allowDecimals={false} width={36} label={{ value: 'updates', angle: -90, position: 'insideLeft', fill: CHART_COLORS.axis, fontSize: 11 }} />
              <Tooltip labelFormatter={(week) => `${week} · ${formatWeekRange(String(week))}`} />
              <Legend itemSorter={null} />
              {HEALTHS.map((health) => (
                <Area
                  key={health}
                  type="monotone"
                  dataKey={health}
                  name={HEALTH_LABELS[health]}
                  stackId="health"
                  stroke={HEALTH_COLORS[health]}
                  fill={HEALTH_COLORS[health]}
                  fillOpacity={0.55}
                  isAnimationActive={false}
                />
              ))}
              <ReferenceLine x={selected.week} stroke={CHART_COLORS.axis} strokeDasharray="3 3" ifOverflow="extendDomain" />
            </AreaChart>
          </ResponsiveContainer>
          <HealthWeekLinks rows={rows} selected={selected} filter={filter} onSelect={setPicked} />
        </>
      )}
    </ChartCard>
  );
}

interface HealthWeekLinksProps {
  rows: HealthWeekRow[];
  selected: HealthWeekRow;
  filter: PortfolioFilter;
  onSelect: (week: string) => void;
}

/** "2026-W47: 40 on track · 12 at risk · 5 off track", each count a link to those pilots. */
export function HealthWeekLinks({ rows, selected, filter, onSelect }: HealthWeekLinksProps) {
  return (
    <p className="chart-hint health-week">
      <select
        className="health-week-select"
        aria-label="Week"
        title={formatWeekRange(selected.week)}
        value={selected.week}
        onChange={(event) => onSelect(event.target.value)}
      >
        {/* Latest first: the week most people look for. */}
        {[...rows].reverse().map((row) => (
          <option key={row.week} value={row.week}>
            {row.week}
          </option>
        ))}
      </select>
      :{' '}
      {HEALTHS.map((health, index) => {
        const label = `${selected[health]} ${HEALTH_LABELS[health].toLowerCase()}`;
        return (
          <span key={health}>
            {index > 0 && ' · '}
            {selected[health] > 0 ? <Link to={healthWeekLink(filter, selected.week, health)}>{label}</Link> : label}
          </span>
        );
      })}
    </p>
  );
}
