import { Link } from 'react-router-dom';
import { useDecisionLog, useDecisionOutcomes } from '../api/decisions';
import { DecisionBadge, RecommendationBadge } from '../components/AnalysisBadges';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { StatTile } from '../components/StatTile';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { formatDate } from '../format/dates';
import { DecisionFilters, readDecisionFilters } from './DecisionFilters';
import { ExportLinks } from '../exports/ExportLinks';

const PAGE_SIZE = 25;

/** The immutable decision log, newest first, with how past decisions turned out. */
export default function DecisionsPage() {
  useDocumentTitle('Decisions');
  const { params, setParam } = useUrlParams();
  const filters = readDecisionFilters(params);
  const filtered = Object.values(filters).some(Boolean);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const log = useDecisionLog({ ...filters, page, pageSize: PAGE_SIZE });
  // The outcomes follow the unit filter; the other filters narrow the log only.
  const outcomes = useDecisionOutcomes({ businessUnitId: filters.businessUnitId });

  return (
    <>
      <PageHeader
        title="Decisions"
        subtitle="Every scale, pivot, kill and keep-piloting decision, as it was taken. Corrections supersede; nothing is edited."
        actions={<ExportLinks list="decisions" label="the decision log" query={{ ...filters }} />}
      />
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
      <DecisionFilters values={filters} quarters={outcomes.data?.byQuarter.map((q) => q.quarter) ?? []} onChange={setParam} />
      {log.isPending ? (
        <LoadingState label="Loading the decision log…" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} title="Could not load the decision log" />
      ) : log.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No decisions match these filters' : 'No decisions yet'}>
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
