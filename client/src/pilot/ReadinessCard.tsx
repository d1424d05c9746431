import { useMemo } from 'react';
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip, type TooltipContentProps } from 'recharts';
import type { PilotDiagnosis } from '@liftoff/shared';
import { EmptyState } from '../components/QueryStates';
import { ANSWER_LABELS, READINESS_TEST_LABELS } from '../format/analysis-labels';
import { formatDate } from '../format/dates';
import { AXIS_TICK, CHART_COLORS } from './chart-theme';
import { movement, toReadinessRadar, type RadarPoint } from './chart-data/readiness-radar';
import { ChartCard } from './ChartCard';

const MOVEMENT_TEXT = { better: '▲ better', worse: '▼ worse', same: '', new: '' } as const;

/** The six readiness tests: the latest assessment against the previous one, and what the data contradicts. */
export function ReadinessCard({ diagnosis }: { diagnosis: PilotDiagnosis }) {
  const { latestAssessment: latest, previousAssessment: previous, readiness } = diagnosis;
  const points = useMemo(() => toReadinessRadar(latest, previous), [latest, previous]);
  const contradictions = new Map(readiness.map((t) => [t.test, t.contradictedBy]));
  const latestName = latest ? `Latest (${formatDate(latest.assessedAt)})` : 'Latest';
  const previousName = previous ? `Previous (${formatDate(previous.assessedAt)})` : 'Previous';

  return (
    <ChartCard
      title="Readiness tests"
      description={
        latest
          ? `Assessed ${formatDate(latest.assessedAt)}${latest.assessedBy ? ` by ${latest.assessedBy.name}` : ''}. Outer ring = pass, middle = partial, centre = fail or unknown.`
          : 'The program office has not assessed this pilot yet.'
      }
    >
      {points.length === 0 ? (
        <EmptyState title="Not assessed yet">Readiness counts as 0 until the six tests are assessed.</EmptyState>
      ) : (
        <>
          <div className="chart" style={{ height: 280 }}>
            <ResponsiveContainer width="100%" height="100%">
              <RadarChart data={points} outerRadius="70%" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
                <PolarGrid stroke={CHART_COLORS.grid} />
                <PolarAngleAxis dataKey="axis" tick={AXIS_TICK} />
                <PolarRadiusAxis domain={[0, 1]} ticks={[0, 0.5, 1]} tick={false} axisLine={false} />
                {previous && (
                  <Radar name={previousName} dataKey="previous" stroke={CHART_COLORS.baseline} fill={CHART_COLORS.baseline} fillOpacity={0.15} strokeDasharray="4 3" isAnimationActive={false} />
                )}
                <Radar name={latestName} dataKey="latest" stroke={CHART_COLORS.primary} fill={CHART_COLORS.primary} fillOpacity={0.3} isAnimationActive={false} dot />
                <Tooltip content={RadarTooltip} />
                <Legend itemSorter={null} />
              </RadarChart>
            </ResponsiveContainer>
          </div>
          <table className="table readiness-table">
            <caption className="visually-hidden">Readiness test answers</caption>
            <tbody>
              {points.map((point) => {
                const contradicted = contradictions.get(point.test) ?? [];
                return (
                  <tr key={point.test}>
                    <th scope="row">{READINESS_TEST_LABELS[point.test]}</th>
                    <td className={`answer answer-${point.latestAnswer}`}>
                      {ANSWER_LABELS[point.latestAnswer!]}
                      {MOVEMENT_TEXT[movement(point)] && <span className="cell-sub">{MOVEMENT_TEXT[movement(point)]}</span>}
                    </td>
                    <td className="muted">
                      {point.latestNote}
                      {contradicted.length > 0 && <span className="cell-sub">Data contradicts: {contradicted.join(' ')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </ChartCard>
  );
}

function RadarTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as RadarPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{READINESS_TEST_LABELS[point.test]}</p>
      <p>Latest: {ANSWER_LABELS[point.latestAnswer!]}</p>
      {point.previousAnswer && <p className="muted">Previous: {ANSWER_LABELS[point.previousAnswer]}</p>}
    </div>
  );
}
