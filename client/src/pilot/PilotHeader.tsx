import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ACTIVE_STAGES, type Pilot } from '@liftoff/shared';
import { StageBadge, WarningBadge } from '../components/Badges';
import { formatDate } from '../format/dates';
import { COMPLEXITY_LABELS, USE_CASE_LABELS } from '../format/labels';
import { formatCompact } from '../format/numbers';
import { toTimelinePosition } from './chart-data/timeline-position';
import { TimelinePositionBar } from './TimelinePositionBar';
import { canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';

export function PilotHeader({ pilot }: { pilot: Pilot }) {
  const position = useMemo(() => toTimelinePosition(pilot, new Date()), [pilot]);
  const { data: user } = useSession();
  const canReport = (ACTIVE_STAGES.includes(pilot.stage) || pilot.stage === 'proposed') && canWorkOnPilot(user, pilot);
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
        {canReport && (
          <Link className="button button-primary" to={`/pilots/${pilot.id}/updates/new`}>
            Post weekly update
          </Link>
        )}
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
