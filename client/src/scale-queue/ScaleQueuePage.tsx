import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ScaleQueueItem } from '@liftoff/shared';
import { useScaleQueue } from '../api/decisions';
import { UnitFilter } from '../components/UnitFilter';
import { useUrlParams } from '../components/use-url-param';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatCompact } from '../format/numbers';
import { DecisionDialog } from './DecisionDialog';

const PATTERN_LABELS: Record<string, string> = {
  missing_executive_sponsor: 'No executive sponsor',
  no_integration_path: 'No path to integration',
  enthusiast_only_adoption: 'Enthusiasts only',
  workflow_unchanged: 'Workflow unchanged',
  unclear_success_metrics: 'Unclear metrics',
  wrong_use_case_for_scale: 'Wrong use case for scale',
};

/** The executives' working list, ranked by readiness, value and time waiting. */
export default function ScaleQueuePage() {
  useDocumentTitle('Scale queue');
  const { params, setParam } = useUrlParams();
  const mine = params.get('mine') === 'true';
  const businessUnitId = params.get('businessUnitId') ?? undefined;
  const queue = useScaleQueue({ mine: mine || undefined, businessUnitId });
  const { data: user } = useSession();
  const [deciding, setDeciding] = useState<ScaleQueueItem | null>(null);
  const mayDecide = (item: ScaleQueueItem) => user?.role === 'program_office' || (user?.role === 'executive' && item.sponsor?.id === user.id);

  return (
    <>
      <PageHeader title="Scale queue" subtitle="Pilots ready for a scale decision, or waiting for an answer to “when will this scale?”." />
      <section className="filters card" aria-label="Filters">
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setParam('mine', e.target.checked ? 'true' : '')} /> Only pilots I sponsor
        </label>
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
      </section>
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <EmptyState title="The queue is empty">No pilot is waiting for a scale decision.</EmptyState>
      ) : (
        <div className="card table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Pilot</th>
                <th scope="col">Readiness</th>
                <th scope="col">Value at scale</th>
                <th scope="col">Days waiting</th>
                <th scope="col">Blocking pattern</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((item) => (
                <tr key={item.pilotId}>
                  <td>{item.rank}</td>
                  <td>
                    <Link to={`/pilots/${item.pilotId}`}>{item.pilotName}</Link>
                    <div className="muted">{item.businessUnitName} · {item.sponsor ? `sponsor ${item.sponsor.name}` : 'no sponsor'}</div>
                  </td>
                  <td>{item.readinessScore}/100</td>
                  <td>{formatCompact(item.annualValueAtScale)}</td>
                  <td>{item.daysWaiting}</td>
                  <td>{item.blockingPattern ? PATTERN_LABELS[item.blockingPattern] : <span className="muted">None</span>}</td>
                  <td>
                    {mayDecide(item) && (
                      <button type="button" className="button button-small button-primary" onClick={() => setDeciding(item)}>
                        Decide
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deciding && <DecisionDialog item={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
