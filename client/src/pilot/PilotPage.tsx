import { Link, useLocation, useParams } from 'react-router-dom';
import { usePilotBlockers } from '../api/blockers';
import { usePilotKpis } from '../api/kpis';
import { usePilot } from '../api/pilots';
import { useAllPilotUpdates } from '../api/updates';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { BlockerTimelineChart } from './BlockerTimelineChart';
import { ConfidenceHealthChart } from './ConfidenceHealthChart';
import { KpiCharts } from './KpiCharts';
import { PilotHeader } from './PilotHeader';
import { DiagnosisPanel } from './DiagnosisPanel';
import { StageHistory } from './StageHistory';
import { UpdatesList } from './UpdatesList';

/** Set by the update form when something after the save needs the reader's attention. */
export interface PilotPageState {
  notice?: string;
  /** Stuck signs this update opened, in words. */
  newFlags?: string[];
}

export default function PilotPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { notice, newFlags = [] } = (location.state as PilotPageState | null) ?? {};
  const pilot = usePilot(id);
  const updates = useAllPilotUpdates(id);
  const kpis = usePilotKpis(id);
  const blockers = usePilotBlockers(id);
  useDocumentTitle(pilot.data?.name);

  if (pilot.isPending) return <LoadingState label="Loading pilot…" />;
  if (pilot.isError) {
    return (
      <>
        <ErrorState error={pilot.error} onRetry={() => pilot.refetch()} title="Could not load this pilot" />
        <p>
          <Link to="/pilots">Back to all pilots</Link>
        </p>
      </>
    );
  }

  const history = updates.data ?? [];
  return (
    <div className="pilot-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/pilots">Pilots</Link> <span aria-hidden="true">/</span> <span aria-current="page">{pilot.data.name}</span>
      </nav>
      {notice && (
        <div className="notice" role="status">
          {notice}
          {newFlags.length > 0 && (
            <>
              {' '}This update raised {newFlags.length === 1 ? 'a new stuck sign' : `${newFlags.length} new stuck signs`}:
              <ul className="new-flags">{newFlags.map((summary) => <li key={summary}>{summary}</li>)}</ul>
            </>
          )}
        </div>
      )}
      <PilotHeader pilot={pilot.data} />
      <DiagnosisPanel pilot={pilot.data} />

      {updates.isPending ? (
        <LoadingState label="Loading history…" />
      ) : updates.isError ? (
        <ErrorState error={updates.error} onRetry={() => updates.refetch()} title="Could not load the updates" />
      ) : (
        <div className="pilot-grid">
          <ConfidenceHealthChart updates={history} />
          {kpis.isPending ? (
            <LoadingState label="Loading KPIs…" />
          ) : kpis.isError ? (
            <ErrorState error={kpis.error} onRetry={() => kpis.refetch()} title="Could not load KPIs" />
          ) : (
            <KpiCharts kpis={kpis.data} updates={history} />
          )}
          <div className="pilot-grid-wide">
            {blockers.isPending ? (
              <LoadingState label="Loading blockers…" />
            ) : blockers.isError ? (
              <ErrorState error={blockers.error} onRetry={() => blockers.refetch()} title="Could not load blockers" />
            ) : (
              <BlockerTimelineChart blockers={blockers.data} updates={history} />
            )}
          </div>
          <div className="pilot-grid-wide pilot-bottom">
            <UpdatesList updates={history} />
            <StageHistory pilotId={id} />
          </div>
        </div>
      )}
    </div>
  );
}
