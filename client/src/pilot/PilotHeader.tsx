import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Pilot } from '@liftoff/shared';
import { StageBadge, WarningBadge } from '../components/Badges';
import { formatDate } from '../format/dates';
import { COMPLEXITY_LABELS, USE_CASE_LABELS } from '../format/labels';
import { formatCompact } from '../format/numbers';
import { toTimelinePosition } from './chart-data/timeline-position';
import { TimelinePositionBar } from './TimelinePositionBar';

/** Who runs the pilot, where it stands, and where it sits on its expected timeline; `actions` are offered by role. */
export function PilotHeader({ pilot, actions }: { pilot: Pilot; actions?: ReactNode }) {
  const position = useMemo(() => toTimelinePosition(pilot, new Date()), [pilot]);
  return (
    <section className="card pilot-header" aria-label="Pilot summary">
      <div className="pilot-header-top">
        <div>
          <p className="eyebrow">
            <Link to={`/pilots?businessUnitId=${pilot.businessUnitId}`}>{pilot.businessUnitName}</Link> · {USE_CASE_LABELS[pilot.useCaseCategory]}
          </p>
          <h1 className="page-title">
            {pilot.name} <StageBadge stage={pilot.stage} />
          </h1>
          {pilot.summary && <p className="pilot-summary">{pilot.summary}</p>}
        </div>
        {actions}
      </div>
      <dl className="facts">
        <div>
          <dt>Lead</dt>
          <dd>{pilot.lead.name}</dd>
        </div>
        <div>
          <dt>Sponsor</dt>
          <dd>{pilot.sponsor ? pilot.sponsor.name : <WarningBadge title="Pilots without an executive sponsor rarely scale">No sponsor</WarningBadge>}</dd>
        </div>
        <div>
          <dt>Complexity</dt>
          <dd>{COMPLEXITY_LABELS[pilot.complexity]}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDate(pilot.startDate)}</dd>
        </div>
        <div>
          <dt>In stage since</dt>
          <dd>{formatDate(pilot.stageEnteredAt)}</dd>
        </div>
        <div>
          <dt>Target production</dt>
          <dd>{formatDate(pilot.targetProductionDate)}</dd>
        </div>
        <div>
          <dt>Value at scale / yr</dt>
          <dd>{formatCompact(pilot.annualValueAtScale)}</dd>
        </div>
        <div>
          <dt>Cost to date · to scale</dt>
          <dd>
            {formatCompact(pilot.costToDate)} · {formatCompact(pilot.costToScale)}
          </dd>
        </div>
      </dl>
      <TimelinePositionBar position={position} complexity={pilot.complexity} />
    </section>
  );
}
