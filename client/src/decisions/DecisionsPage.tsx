import { Link } from 'react-router-dom';
import { DECISION_KINDS, type DecisionKind } from '@liftoff/shared';
import { useDecisionLog, useDecisionOutcomes } from '../api/decisions';
import { DecisionBadge, RecommendationBadge } from '../components/AnalysisBadges';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { StatTile } from '../components/StatTile';
import { UnitFilter } from '../components/UnitFilter';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { DECISION_KIND_LABELS } from '../format/analysis-labels';
import { formatDate } from '../format/dates';

const PAGE_SIZE = 25;

/** The immutable decision log, newest first, with how past decisions turned out. */
export default function DecisionsPage() {
  useDocumentTitle('Decisions');
  const { params, setParam } = useUrlParams();
  const kindParam = params.get('kind');
  const kind = (DECISION_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as DecisionKind) : undefined;
  const businessUnitId = params.get('businessUnitId') || undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const log = useDecisionLog({ kind, businessUnitId, page, pageSize: PAGE_SIZE });
  const outcomes = useDecisionOutcomes();

  return (
    <>
      <PageHeader title="Decisions" subtitle="Every scale, pivot, kill and keep-piloting decision, as it was taken. Corrections supersede; nothing is edited." />
      {outcomes.data && (
        <div className="tile-grid tile-grid-headline">
          <StatTile
            label="Scaled pilots in production"
            value={outcomes.data.scaledReachedProductionShare === null ? '—' : `${Math.round(outcomes.data.scaledReachedProductionShare * 100)}%`}
            hint={`of ${outcomes.data.scale.length} scale decisions`}
          />
          <StatTile label="Pivots" value={outcomes.data.pivots.length} hint={`${outcomes.data.pivots.filter((p) => p.resultingStage === 'production').length} reached production`} />
          <StatTile label="Kills" value={outcomes.data.kills} hint="budget and people released" />
          <StatTile
            label="First update to first decision"
            value={outcomes.data.medianDaysFirstUpdateToDecision === null ? '—' : `${outcomes.data.medianDaysFirstUpdateToDecision} days`}
            hint="median"
          />
        </div>
      )}
      <section className="filters card" aria-label="Filters">
        <label>
          Decision
          <select value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">All decisions</option>
            {DECISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {DECISION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
      </section>
      {log.isPending ? (
        <LoadingState label="Loading the decision log…" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} title="Could not load the decision log" />
      ) : log.data.items.length === 0 ? (
        <EmptyState title={kind || businessUnitId ? 'No decisions match these filters' : 'No decisions yet'}>
          Decisions recorded from the scale queue or a pilot page appear here.
        </EmptyState>
      ) : (
        <div className="card card-flush" aria-busy={log.isFetching}>
          <div className="table-wrap">
            <table className={`table${log.isPlaceholderData ? ' is-stale' : ''}`}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Pilot</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Rationale</th>
                  <th scope="col">By</th>
                  <th scope="col">Next review</th>
                  <th scope="col">Recommendation</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((d) => (
                  <tr key={d.id}>
                    <td className="nowrap">{formatDate(d.decidedAt)}</td>
                    <th scope="row" className="cell-name">
                      <Link to={`/pilots/${d.pilotId}`}>{d.pilotName}</Link>
                      {d.resultingPilotId && (
                        <span className="cell-sub">
                          <Link to={`/pilots/${d.resultingPilotId}`}>→ pivoted pilot</Link>
                        </span>
                      )}
                    </th>
                    <td>
                      <DecisionBadge kind={d.kind} />
                      {d.supersedesId && <span className="cell-sub">correction</span>}
                    </td>
                    <td>{d.rationale}</td>
                    <td className="nowrap">{d.decidedBy.name}</td>
                    <td className="nowrap">{d.nextReviewDate ? formatDate(d.nextReviewDate) : '—'}</td>
                    <td>
                      {d.recommendedAction ? (
                        <>
                          <RecommendationBadge action={d.recommendedAction} />
                          <span className="cell-sub">{d.followedRecommendation ? 'followed' : 'overridden'}</span>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={log.data.total} onPageChange={(p) => setParam('page', String(p))} noun="decisions" />
        </div>
      )}
    </>
  );
}
