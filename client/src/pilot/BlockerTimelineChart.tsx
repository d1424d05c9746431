import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { Blocker, WeeklyUpdate } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { shortWeek } from '../format/dates';
import { BLOCKER_CATEGORY_LABELS, BLOCKER_STATUS_LABELS } from '../format/labels';
import { plural } from '../format/numbers';
import { AXIS_TICK, BLOCKER_STATUS_COLORS, CHART_COLORS } from './chart-theme';
import { toBlockerTimeline, type BlockerTimelineRow } from './chart-data/blocker-timeline';
import { ChartCard } from './ChartCard';

const ROW_HEIGHT = 34;
const LABEL_CHARS = 30;

interface ChartRow extends BlockerTimelineRow {
  label: string;
}

export function BlockerTimelineChart({ blockers, updates }: { blockers: Blocker[]; updates: WeeklyUpdate[] }) {
  const timeline = useMemo(() => toBlockerTimeline(blockers, updates), [blockers, updates]);
  const rows = useMemo<ChartRow[]>(
    () => timeline.rows.map((row) => ({ ...row, label: row.text.length > LABEL_CHARS ? `${row.text.slice(0, LABEL_CHARS - 1)}…` : row.text })),
    [timeline],
  );
  const { weeks } = timeline;
  // Label roughly every 4th week on long histories so ticks don't collide.
  const tickStep = Math.max(1, Math.ceil(weeks.length / 12));
  const ticks = weeks.map((_, i) => i).filter((i) => i % tickStep === 0);

  return (
    <ChartCard
      title="Blockers"
      description="Each bar runs from the week a blocker was first reported to the week it was last reported."
      actions={<BlockerLegend />}
    >
      {rows.length === 0 ? (
        <EmptyState title="No blockers reported" />
      ) : (
        <div className="chart" style={{ height: rows.length * ROW_HEIGHT + 48 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barCategoryGap={8}>
              <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
              <XAxis
                type="number"
                domain={[0, weeks.length]}
                ticks={ticks}
                // Ticks sit at the start of each week's column.
                tickFormatter={(index: number) => (weeks[index] ? shortWeek(weeks[index]) : '')}
                tick={AXIS_TICK}
                tickLine={false}
                allowDecimals={false}
              />
              <YAxis type="category" dataKey="label" width={230} tick={BlockerLabel} tickLine={false} axisLine={false} interval={0} />
              <Tooltip content={BlockerTooltip} cursor={{ fill: CHART_COLORS.primarySoft, fillOpacity: 0.4 }} />
              <Bar dataKey="span" name="Reported" isAnimationActive={false} radius={4}>
                {rows.map((row) => (
                  <Cell key={row.id} fill={BLOCKER_STATUS_COLORS[row.status]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          {/* The same facts for screen readers, which can't read the bars. */}
          <ul className="visually-hidden">
            {rows.map((row) => (
              <li key={row.id}>
                {row.text} ({BLOCKER_CATEGORY_LABELS[row.category]}, {BLOCKER_STATUS_LABELS[row.status]}): {row.firstSeenWeek} to {row.lastSeenWeek}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartCard>
  );
}

/** One-line labels: recharts would otherwise wrap long blocker text into the bars' rows. */
function BlockerLabel({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  return (
    <text x={Number(x) - 8} y={Number(y)} dy={4} textAnchor="end" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
      {payload?.value}
    </text>
  );
}

function BlockerLegend() {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {(['open', 'resolved'] as const).map((status) => (
        <li key={status}>
          <span className="legend-swatch" style={{ background: BLOCKER_STATUS_COLORS[status] }} aria-hidden="true" />
          {BLOCKER_STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}

function BlockerTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const weeks = row.firstSeenWeek === row.lastSeenWeek ? row.firstSeenWeek : `${row.firstSeenWeek} → ${row.lastSeenWeek}`;
  return (
    <div className="chart-tooltip chart-tooltip-wide">
      <p className="chart-tooltip-title">{row.text}</p>
      <p>
        {BLOCKER_CATEGORY_LABELS[row.category]} · {BLOCKER_STATUS_LABELS[row.status]}
      </p>
      <p className="muted">
        {weeks} · reported in {plural(row.mentionCount, 'update')}
      </p>
    </div>
  );
}
