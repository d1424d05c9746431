import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { Complexity, Pattern, PortfolioFilter, PortfolioOverview } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { PATTERN_COLORS, PATTERN_LABELS } from '../format/analysis-labels';
import { plural } from '../format/numbers';
import { blockersLink } from '../blockers/blockers-link';
import { ChartCard } from '../pilot/ChartCard';
import { AXIS_TICK, BLOCKER_STATUS_COLORS, CHART_COLORS } from '../pilot/chart-theme';
import {
  allTimeInPilotLink,
  blockerCategoryRows,
  patternRows,
  presentPatterns,
  shortBucket,
  stuckLink,
  timeInPilotLink,
  timelineMarkers,
  timeRows,
  type BlockerCategoryRow,
  type TimeRow,
} from './overview-data';
import { rowOf } from './ProgressCharts';

const COMPLEXITY_COLORS = { best: '#93c5fd', typical: '#3b82f6', complex: '#1e3a8a' };

interface ChartProps {
  overview: PortfolioOverview;
  filter: PortfolioFilter;
}

export function PatternsByUnitChart({ overview, filter }: ChartProps) {
  const navigate = useNavigate();
  const rows = patternRows(overview);
  const patterns = presentPatterns(overview);
  const open = (pattern: Pattern) => (shape: unknown) =>
    navigate(stuckLink(filter, { businessUnitId: rowOf<{ businessUnitId: string }>(shape).businessUnitId, pattern }));
  return (
    <ChartCard title="Stuck patterns by business unit" description="Active pilots diagnosed with each pattern. Click a segment for those pilots' stuck signs.">
      {patterns.length === 0 ? (
        <EmptyState title="No stuck patterns diagnosed" />
      ) : (
        <>
          <ResponsiveContainer width="100%" height={Math.max(200, rows.length * 38 + 70)}>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
              <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
              <YAxis type="category" dataKey="unit" tick={AXIS_TICK} width={130} interval={0} />
              <Tooltip cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
              <Legend itemSorter={null} />
              {patterns.map((p) => (
                <Bar key={p} dataKey={p} name={PATTERN_LABELS[p]} stackId="patterns" fill={PATTERN_COLORS[p]} cursor="pointer" onClick={open(p)} />
              ))}
            </BarChart>
          </ResponsiveContainer>
          <p className="chart-hint">
            Stuck lists:{' '}
            {rows.map((row, i) => (
              <span key={row.businessUnitId}>
                {i > 0 && ' · '}
                <Link to={stuckLink(filter, { businessUnitId: row.businessUnitId })}>{row.unit}</Link>
              </span>
            ))}
          </p>
        </>
      )}
    </ChartCard>
  );
}

export function TimeInPilotChart({ overview, filter }: ChartProps) {
  const navigate = useNavigate();
  const rows = timeRows(overview);
  const markers = timelineMarkers(overview);
  const bounds = overview.timelineBounds;
  const open = (complexity: Complexity) => (shape: unknown) => navigate(timeInPilotLink(filter, rowOf<TimeRow>(shape), complexity));
  return (
    <ChartCard
      title="Time in pilot against the timeline"
      description={`Pilots still underway (proposed, piloting, scaling or paused) by months since start. Dashed lines mark the expected upper bound in months: best case ${bounds.best}, typical ${bounds.typical}, complex ${bounds.complex}.`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} interval={0} tickFormatter={shortBucket} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} width={36} />
          <Tooltip cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
          <Legend itemSorter={null} />
          <Bar dataKey="best" name="Best case" stackId="time" fill={COMPLEXITY_COLORS.best} cursor="pointer" onClick={open('best')} />
          <Bar dataKey="typical" name="Typical" stackId="time" fill={COMPLEXITY_COLORS.typical} cursor="pointer" onClick={open('typical')} />
          <Bar dataKey="complex" name="Complex" stackId="time" fill={COMPLEXITY_COLORS.complex} cursor="pointer" onClick={open('complex')} />
          {markers.map((marker) => (
            <ReferenceLine
              key={`${marker.bucket}-${marker.months}`}
              x={marker.bucket}
              position={marker.position}
              stroke={CHART_COLORS.danger}
              strokeDasharray="4 3"
              label={{ value: marker.label, position: 'top', fill: CHART_COLORS.danger, fontSize: 11 }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <p className="chart-hint">
        Click a segment for the pilots of that complexity and time in pilot, or see{' '}
        <Link to={allTimeInPilotLink(filter, rows)}>every pilot on this chart, longest running first</Link>.
      </p>
    </ChartCard>
  );
}

export function BlockerCategoriesChart({ overview, filter }: ChartProps) {
  const rows = blockerCategoryRows(overview);
  const navigate = useNavigate();
  // The open part of a bar lists the category's open blockers; the resolved part, its resolved ones.
  const open = (status: 'open' | 'resolved') => (shape: unknown) =>
    navigate(blockersLink(filter, { category: rowOf<BlockerCategoryRow>(shape).category, status }));
  return (
    <ChartCard title="Most recurring blocker categories" description="Blockers raised in each category, most often repeated first; hover for weekly mentions.">
      {rows.length === 0 ? (
        <EmptyState title="No blockers reported" />
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(180, rows.length * 32 + 60)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={150} interval={0} />
            <Tooltip content={BlockerCategoryTooltip} cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
            <Legend itemSorter={null} />
            <Bar dataKey="open" name="Still open" stackId="blockers" fill={BLOCKER_STATUS_COLORS.open} cursor="pointer" onClick={open('open')} />
            <Bar dataKey="resolved" name="Resolved" stackId="blockers" fill={BLOCKER_STATUS_COLORS.resolved} cursor="pointer" onClick={open('resolved')} />
          </BarChart>
        </ResponsiveContainer>
      )}
      <p className="chart-hint">
        Click a bar for those blockers, or see <Link to={blockersLink(filter)}>every open blocker</Link>.
      </p>
    </ChartCard>
  );
}

function BlockerCategoryTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as BlockerCategoryRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{row.label}</p>
      <p>
        {plural(row.total, 'blocker')}: {row.open} open, {row.resolved} resolved
      </p>
      <p className="muted">Reported in {plural(row.mentions, 'weekly update')}</p>
    </div>
  );
}
