import { Link } from 'react-router-dom';
import { DECISION_KINDS, type DecisionKind } from '@liftoff/shared';
import { useDecisionLog } from '../api/decisions';
import { UnitFilter } from '../components/UnitFilter';
import { useUrlParams } from '../components/use-url-param';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';

const PAGE_SIZE = 25;
const KIND_LABELS: Record<DecisionKind, string> = { scale: 'Scale', pivot: 'Pivot', kill: 'Kill', continue: 'Keep piloting' };

/** The immutable decision log, newest first. */
export default function DecisionsPage() {
  useDocumentTitle('Decisions');
  const { params, setParam } = useUrlParams();
  const kind = (params.get('kind') as DecisionKind | null) ?? undefined;
  const businessUnitId = params.get('businessUnitId') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const log = useDecisionLog({ kind, businessUnitId, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader title="Decisions" subtitle="Every scale, pivot, kill and keep-piloting decision, as it was taken. Corrections supersede, nothing is edited." />
      <section className="filters card" aria-label="Filters">
        <label>
          Decision
          <select value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">All decisions</option>
            {DECISION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
      </section>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <EmptyState title="No decisions yet">Decisions recorded from the scale queue or a pilot page appear here.</EmptyState>
      ) : (
        <>
          <div className="card table-wrap">
            <table className="table">
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
                    <td>{formatDate(d.decidedAt)}</td>
                    <td><Link to={`/pilots/${d.pilotId}`}>{d.pilotName}</Link></td>
                    <td>{KIND_LABELS[d.kind]}{d.supersedesId && <span className="muted"> (correction)</span>}</td>
                    <td>{d.rationale}</td>
                    <td>{d.decidedBy.name}</td>
                    <td>{d.nextReviewDate ? formatDate(d.nextReviewDate) : '—'}</td>
                    <td>{d.recommendedAction ? (d.followedRecommendation ? 'Followed' : 'Overrode') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={log.data.total} onPageChange={(p) => setParam('page', String(p))} noun="decisions" />
        </>
      )}
    </>
  );
}
