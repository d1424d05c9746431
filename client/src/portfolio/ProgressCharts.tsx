import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DECISION_KINDS, type DecisionKind, type PortfolioFilter, type PortfolioOverview, type Stage } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { DECISION_COLORS, DECISION_KIND_LABELS } from '../format/analysis-labels';
import { ChartCard } from '../pilot/ChartCard';
import { AXIS_TICK, CHART_COLORS } from '../pilot/chart-theme';
import { decisionsLink, funnelRows, pilotsLink } from './overview-data';

/** recharts hands a click the drawn shape; the row it was drawn from is its payload. */
export function rowOf<T>(shape: unknown): T {
  return (shape as { payload: T }).payload;
}

interface ChartProps {
  overview: PortfolioOverview;
  filter: PortfolioFilter;
}

export function StageFunnelChart({ overview, filter }: ChartProps) {
  const navigate = useNavigate();
  const rows = funnelRows(overview);
  const open = (shape: unknown) => navigate(pilotsLink(filter, { stage: rowOf<{ stage: Stage }>(shape).stage }));
  return (
    <ChartCard title="Stage funnel" description="Pilots that ever reached each stage, and how many are there now. Click a bar for those pilots.">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barGap={2}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={80} />
          <Tooltip cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
          <Legend itemSorter={null} />
          <Bar dataKey="reached" name="Ever reached" fill="#9bb8d6" cursor="pointer" onClick={open} />
          <Bar dataKey="current" name="There now" fill={CHART_COLORS.primary} cursor="pointer" onClick={open} />
        </BarChart>
      </ResponsiveContainer>
      <p className="chart-hint">
        Lists:{' '}
        {rows.map((row, i) => (
          <span key={row.stage}>
            {i > 0 && ' · '}
            <Link to={pilotsLink(filter, { stage: row.stage })}>{row.label}</Link>
          </span>
        ))}
      </p>
    </ChartCard>
  );
}

export function DecisionsPerQuarterChart({ overview, filter }: ChartProps) {
  const navigate = useNavigate();
  const rows = overview.decisionsByQuarter;
  return (
    <ChartCard title="Decisions per quarter" description="Scale, pivot, kill and keep-piloting decisions. Click a segment for those decisions.">
      {rows.length === 0 ? (
        <EmptyState title="No decisions recorded yet" />
      ) : (
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={rows} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="quarter" tick={AXIS_TICK} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} width={36} />
            <Tooltip cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
            <Legend itemSorter={null} />
            {DECISION_KINDS.map((kind: DecisionKind) => (
              <Bar
                key={kind}
                dataKey={kind}
                name={DECISION_KIND_LABELS[kind]}
                stackId="decisions"
                fill={DECISION_COLORS[kind]}
                cursor="pointer"
                onClick={(shape: unknown) => navigate(decisionsLink(filter, { kind, quarter: rowOf<{ quarter: string }>(shape).quarter }))}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
