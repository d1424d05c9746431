import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { DECISION_KINDS, HEALTHS, type PortfolioOverview } from '@liftoff/shared';
import { DECISION_COLORS, DECISION_KIND_LABELS } from '../format/analysis-labels';
import { BLOCKER_CATEGORY_LABELS, HEALTH_LABELS, STAGE_LABELS } from '../format/labels';
import { AXIS_TICK, CHART_COLORS, HEALTH_COLORS } from '../pilot/chart-theme';

/**
 * The overview's charts as the pack froze them. Static (no links, no animation) so a printed page
 * shows them finished; `paperWidth` gives them a fixed width in CSS pixels for paper, else they fill the screen.
 */
export function PackCharts({ overview, paperWidth }: { overview: PortfolioOverview; paperWidth?: number }) {
  const sized = (height: number, chart: ReactElement) =>
    paperWidth ? (
      <div style={{ width: paperWidth, height }}>{chart}</div>
    ) : (
      <ResponsiveContainer width="100%" height={height}>
        {chart}
      </ResponsiveContainer>
    );
  const width = paperWidth;
  const height = 210;
  const funnel = overview.funnel.map((row) => ({ label: STAGE_LABELS[row.stage], reached: row.reached, current: row.current }));
  const health = overview.healthOverTime.slice(-26);
  const categories = overview.blockerCategories.map((row) => ({ label: BLOCKER_CATEGORY_LABELS[row.category], open: row.open, total: row.total }));
  return (
    <div className={paperWidth ? 'pack-charts pack-charts-paper' : 'pack-charts'}>
      <figure className="pack-chart">
        <figcaption>Stage funnel: pilots that ever reached each stage, and how many are there now</figcaption>
        {sized(
          height,
          <BarChart width={width} height={height} data={funnel} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={80} />
            <Legend />
            <Bar dataKey="reached" name="Ever reached" fill="#9bb8d6" isAnimationActive={false} />
            <Bar dataKey="current" name="There now" fill={CHART_COLORS.primary} isAnimationActive={false} />
          </BarChart>,
        )}
      </figure>
      <figure className="pack-chart">
        <figcaption>Weekly update health over the last 26 weeks</figcaption>
        {sized(
          height,
          <BarChart width={width} height={height} data={health} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="week" tick={AXIS_TICK} interval="preserveStartEnd" />
            <YAxis tick={AXIS_TICK} allowDecimals={false} width={36} />
            <Legend />
            {HEALTHS.map((h) => (
              <Bar key={h} dataKey={h} name={HEALTH_LABELS[h]} stackId="health" fill={HEALTH_COLORS[h]} isAnimationActive={false} />
            ))}
          </BarChart>,
        )}
      </figure>
      <figure className="pack-chart">
        <figcaption>Decisions per quarter</figcaption>
        {sized(
          height,
          <BarChart width={width} height={height} data={overview.decisionsByQuarter} margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="quarter" tick={AXIS_TICK} />
            <YAxis tick={AXIS_TICK} allowDecimals={false} width={36} />
            <Legend />
            {DECISION_KINDS.map((kind) => (
              <Bar key={kind} dataKey={kind} name={DECISION_KIND_LABELS[kind]} stackId="decisions" fill={DECISION_COLORS[kind]} isAnimationActive={false} />
            ))}
          </BarChart>,
        )}
      </figure>
      <figure className="pack-chart">
        <figcaption>Blockers by category: open, and all ever raised</figcaption>
        {sized(
          height,
          <BarChart width={width} height={height} data={categories} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={130} />
            <Legend />
            <Bar dataKey="total" name="All" fill="#9bb8d6" isAnimationActive={false} />
            <Bar dataKey="open" name="Open" fill={CHART_COLORS.danger} isAnimationActive={false} />
          </BarChart>,
        )}
      </figure>
    </div>
  );
}
