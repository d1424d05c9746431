import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { SignalKind } from '@liftoff/shared';
import { usePilotBlockers } from '../api/blockers';
import { usePilotDiagnosis } from '../api/decisions';
import { usePilotKpis } from '../api/kpis';
import { usePilot } from '../api/pilots';
import { useAllPilotUpdates } from '../api/updates';
import { canAdminister, canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';
import { BlockerRegister } from '../blockers/BlockerRegister';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { KpiSection } from '../kpis/KpiSection';
import { PilotSetupActions } from '../pilot-form/PilotSetupActions';
import { useDocumentTitle } from '../components/use-document-title';
import { SIGNAL_LABELS } from '../format/analysis-labels';
import { BlockerTimelineChart } from './BlockerTimelineChart';
import { ConfidenceHealthChart } from './ConfidenceHealthChart';
import { DecisionHistory } from './DecisionHistory';
import { DiagnosisPanel } from './DiagnosisPanel';
import { KpiCharts } from './KpiCharts';
import { PilotActions } from './PilotActions';
import { PilotHeader } from './PilotHeader';
import { ReadinessCard } from './ReadinessCard';
import { ReassessForm } from './ReassessForm';
import { StageHistory } from './StageHistory';
import { UpdatesList } from './UpdatesList';

/** Set by the update form when something after the save needs the reader's attention. */
export interface PilotPageState {
  notice?: string;
  /** Stuck signs this update opened. */
  newFlags?: { kind: SignalKind; summary: string }[];
}

export default function PilotPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const arrival = (location.state as PilotPageState | null) ?? {};
  const pilot = usePilot(id);
  const diagnosis = usePilotDiagnosis(id);
  const updates = useAllPilotUpdates(id);
  const kpis = usePilotKpis(id);
  const blockers = usePilotBlockers(id);
  const session = useSession();
  const [assessing, setAssessing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
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

  const newFlags = arrival.newFlags ?? [];
  const history = updates.data ?? [];
  return (
    <div className="pilot-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/pilots">Pilots</Link> <span aria-hidden="true">/</span> <span aria-current="page">{pilot.data.name}</span>
      </nav>
      {arrival.notice && (
        <div className={`notice${newFlags.length ? ' notice-warning' : ''}`} role="status" data-testid="update-notice">
          <p>{arrival.notice}</p>
          {newFlags.length > 0 && (
            <>
              <p>
                <strong>This update raised {newFlags.length === 1 ? 'a new stuck sign' : `${newFlags.length} new stuck signs`}:</strong>
              </p>
              <ul className="new-flags">
                {newFlags.map((flag) => (
                  <li key={`${flag.kind}:${flag.summary}`}>
                    <span className="signal-tag">{SIGNAL_LABELS[flag.kind]}</span> {flag.summary}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {message && (
        <div className="notice" role="status">
          {message}
        </div>
      )}
      <PilotHeader
        pilot={pilot.data}
        actions={
          <>
            <PilotActions pilot={pilot.data} assessing={assessing} onAssess={() => setAssessing((open) => !open)} onDecided={setMessage} />
            <PilotSetupActions pilot={pilot.data} onChanged={setMessage} onReload={() => void pilot.refetch()} />
          </>
        }
      />
      {assessing && (
        <div className="pilot-grid-wide" style={{ marginBottom: 'var(--space-5)' }}>
          <ReassessForm
            pilotId={id}
            latest={diagnosis.data?.latestAssessment ?? null}
            onCancel={() => setAssessing(false)}
            onDone={(done) => {
              setAssessing(false);
              setMessage(done);
            }}
          />
        </div>
      )}

      {diagnosis.isPending ? (
        <LoadingState label="Diagnosing…" />
      ) : diagnosis.isError ? (
        <ErrorState error={diagnosis.error} onRetry={() => diagnosis.refetch()} title="Could not load the diagnosis" />
      ) : (
        <div className="pilot-insights">
          <DiagnosisPanel diagnosis={diagnosis.data} />
          <ReadinessCard diagnosis={diagnosis.data} />
        </div>
      )}

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
              <>
                <BlockerTimelineChart blockers={blockers.data} updates={history} />
                <BlockerRegister blockers={blockers.data} canCorrect={canAdminister(session.data)} />
              </>
            )}
          </div>
          <div className="pilot-grid-wide pilot-bottom">
            <UpdatesList updates={history} canEdit={canWorkOnPilot(session.data, pilot.data)} exportPilotId={canAdminister(session.data) ? id : undefined} />
            <div className="pilot-aside">
              <KpiSection pilot={pilot.data} />
              <DecisionHistory pilotId={id} />
              <StageHistory pilotId={id} />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
