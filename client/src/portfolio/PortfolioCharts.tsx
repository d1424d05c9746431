import { useNavigate } from 'react-router-dom';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PortfolioFilter, PortfolioOverview } from '@liftoff/shared';
import { ChartCard } from '../pilot/ChartCard';
import { AXIS_TICK, CHART_COLORS, HEALTH_COLORS } from '../pilot/chart-theme';
import { BLOCKER_CATEGORY_LABELS, STAGE_LABELS } from '../format/labels';
import { PATTERN_COLORS, PATTERN_LABELS, patternRows, presentPatterns, timeRows } from './overview-data';

const DECISION_COLORS = { scale: '#2e8b57', pivot: '#d99a1e', kill: '#c2410c', continue: '#7a9cc6' };
const COMPLEXITY_COLORS = { best: '#93c5fd', typical: '#3b82f6', complex: '#1e3a8a' };

/** Links keep the filters the chart was drawn with. */
function withFilter(path: string, filter: PortfolioFilter, extra: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries({ ...filter, ...extra }).filter(([, v]) => v) as [string, string][]);
  return `${path}?${params}`;
}

/** recharts hands a click the drawn rectangle; the row it was drawn from is its payload. */
function datum<T>(bar: { payload?: unknown }): T {
  return bar.payload as T;
}

export function PortfolioCharts({ overview, filter }: { overview: PortfolioOverview; filter: PortfolioFilter }) {
  const navigate = useNavigate();
  const funnel = overview.funnel.map((f) => ({ ...f, label: STAGE_LABELS[f.stage] }));
  const patterns = presentPatterns(overview);
  return (
    <div className="chart-grid">
      <ChartCard title="Stage funnel" description="Pilots that ever reached each stage, and how many are there now. Click a bar for the list.">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={funnel} layout="vertical" margin={{ left: 24 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={80} />
            <Tooltip />
            <Legend />
            <Bar dataKey="reached" name="Ever reached" fill={CHART_COLORS.primarySoft} cursor="pointer" onClick={(d) => navigate(withFilter('/pilots', filter, { stage: datum<{ stage: string }>(d).stage }))} />
            <Bar dataKey="current" name="There now" fill={CHART_COLORS.primary} cursor="pointer" onClick={(d) => navigate(withFilter('/pilots', filter, { stage: datum<{ stage: string }>(d).stage }))} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Portfolio health over time" description="Weekly updates by reported health, last 12 months.">
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={overview.healthOverTime}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="week" tick={AXIS_TICK} minTickGap={32} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Area type="monotone" dataKey="on_track" name="On track" stackId="h" stroke={HEALTH_COLORS.on_track} fill={HEALTH_COLORS.on_track} fillOpacity={0.6} />
            <Area type="monotone" dataKey="at_risk" name="At risk" stackId="h" stroke={HEALTH_COLORS.at_risk} fill={HEALTH_COLORS.at_risk} fillOpacity={0.6} />
            <Area type="monotone" dataKey="off_track" name="Off track" stackId="h" stroke={HEALTH_COLORS.off_track} fill={HEALTH_COLORS.off_track} fillOpacity={0.6} />
          </AreaChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Stuck patterns by business unit" description="Active pilots diagnosed with each pattern. Click a bar for that unit's stuck list.">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={patternRows(overview)}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="unit" tick={AXIS_TICK} interval={0} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} />
            <Tooltip />
            <Legend />
            {patterns.map((p) => (
              <Bar key={p} dataKey={p} name={PATTERN_LABELS[p]} stackId="p" fill={PATTERN_COLORS[p]} cursor="pointer" onClick={(d) => navigate(withFilter('/stuck', filter, { businessUnitId: datum<{ businessUnitId: string }>(d).businessUnitId }))} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Time in pilot against the timeline" description={`Active pilots by months since start. Expected upper bounds: best ${overview.timelineBounds.best}, typical ${overview.timelineBounds.typical}, complex ${overview.timelineBounds.complex} months.`}>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={timeRows(overview)}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="bucket" tick={AXIS_TICK} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="best" name="Best case (≤3 mo)" stackId="t" fill={COMPLEXITY_COLORS.best} />
            <Bar dataKey="typical" name="Typical (≤6 mo)" stackId="t" fill={COMPLEXITY_COLORS.typical} />
            <Bar dataKey="complex" name="Complex (≤12 mo)" stackId="t" fill={COMPLEXITY_COLORS.complex} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Decisions per quarter" description="Scale, pivot, kill and keep-piloting decisions.">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={overview.decisionsByQuarter}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="quarter" tick={AXIS_TICK} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="scale" name="Scale" stackId="d" fill={DECISION_COLORS.scale} cursor="pointer" onClick={() => navigate('/decisions?kind=scale')} />
            <Bar dataKey="pivot" name="Pivot" stackId="d" fill={DECISION_COLORS.pivot} cursor="pointer" onClick={() => navigate('/decisions?kind=pivot')} />
            <Bar dataKey="kill" name="Kill" stackId="d" fill={DECISION_COLORS.kill} cursor="pointer" onClick={() => navigate('/decisions?kind=kill')} />
            <Bar dataKey="continue" name="Keep piloting" stackId="d" fill={DECISION_COLORS.continue} cursor="pointer" onClick={() => navigate('/decisions?kind=continue')} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Most recurring blocker categories" description="Weekly mentions of blockers in each category; open blockers in darker colour.">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={overview.blockerCategories.map((c) => ({ ...c, label: BLOCKER_CATEGORY_LABELS[c.category] }))} layout="vertical" margin={{ left: 24 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={110} />
            <Tooltip />
            <Legend />
            <Bar dataKey="mentions" name="Mentions in updates" fill={CHART_COLORS.primarySoft} />
            <Bar dataKey="open" name="Open blockers" fill={CHART_COLORS.primary} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
