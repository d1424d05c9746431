import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DecisionView, ScaleQueueItem } from '@liftoff/shared';
import { useScaleQueue } from '../api/decisions';
import { useSession } from '../auth/session';
import { RecommendationBadge, ReadinessScore } from '../components/AnalysisBadges';
import { StageBadge } from '../components/Badges';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { UnitFilter } from '../components/UnitFilter';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { DECISION_KIND_LABELS, PATTERN_LABELS, QUEUE_REASON_LABELS } from '../format/analysis-labels';
import { formatCompact } from '../format/numbers';
import { DecideCell } from './DecideCell';
import { DecisionDialog } from './DecisionDialog';
import { ExportLinks } from '../exports/ExportLinks';

const PAGE_SIZE = 25;

/** The executives' working list, ranked by readiness, value and time waiting, a page at a time. */
export default function ScaleQueuePage() {
  useDocumentTitle('Scale queue');
  const { params, setParam } = useUrlParams();
  const mine = params.get('mine') === 'true';
  const businessUnitId = params.get('businessUnitId') || undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const queue = useScaleQueue({ mine: mine || undefined, businessUnitId, page, pageSize: PAGE_SIZE });
  const { data: user } = useSession();
  const [deciding, setDeciding] = useState<ScaleQueueItem | null>(null);
  const [recorded, setRecorded] = useState<DecisionView | null>(null);

  return (
    <>
      <PageHeader
        title="Scale queue"
        subtitle="Pilots ready for a scale decision, or waiting for an answer to “when will this scale?”, best case first."
        actions={<ExportLinks list="scale-queue" label="the scale queue" query={{ mine: mine || undefined, businessUnitId }} />}
      />
      <section className="filters card" aria-label="Filters">
        {user?.role === 'executive' && (
          <label className="checkbox">
            <input type="checkbox" checked={mine} onChange={(e) => setParam('mine', e.target.checked ? 'true' : '')} /> Only pilots I sponsor
          </label>
        )}
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
      </section>
      {recorded && (
        <div className="notice" role="status">
          Recorded: {DECISION_KIND_LABELS[recorded.kind]} for {recorded.pilotName}. <Link to="/decisions">See the decision log</Link>
        </div>
      )}
      {queue.isPending ? (
        <LoadingState label="Ranking the queue…" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => queue.refetch()} title="Could not load the scale queue" />
      ) : queue.data.total === 0 ? (
        <EmptyState title={mine ? 'None of your pilots is waiting' : 'The queue is empty'}>
          {mine ? 'Pilots you sponsor appear here when they are ready for a scale decision.' : 'No pilot is waiting for a scale decision.'}
        </EmptyState>
      ) : (
        <>
          <div className="card card-flush table-wrap" aria-busy={queue.isFetching}>
            <table className="table queue-table">
              <thead>
                <tr>
                  <th scope="col" className="numeric">#</th>
                  <th scope="col">Pilot</th>
                  <th scope="col" className="numeric">Readiness</th>
                  <th scope="col" className="numeric">Value at scale / yr</th>
                  <th scope="col" className="numeric">Days waiting</th>
                  <th scope="col">Blocking pattern</th>
                  <th scope="col">Recommendation</th>
                  <th scope="col" className="cell-action">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.data.items.map((item) => (
                  <tr key={item.pilotId}>
                    <td className="numeric">{item.rank}</td>
                    <th scope="row" className="cell-name">
                      <Link to={`/pilots/${item.pilotId}`}>{item.pilotName}</Link> <StageBadge stage={item.stage} />
                      <span className="cell-sub">
                        {item.businessUnitName} · {item.sponsor ? `sponsor ${item.sponsor.name}` : 'no sponsor'}
                      </span>
                      {item.blockedReason && <span className="cell-sub queue-blocked">Blocked: {item.blockedReason}</span>}
                      <span className="chip-list">
                        {item.reasons.map((reason) => (
                          <span key={reason} className="chip">
                            {QUEUE_REASON_LABELS[reason]}
                          </span>
                        ))}
                      </span>
                    </th>
                    <td className="numeric">
                      <ReadinessScore score={item.readinessScore} />
                    </td>
                    <td className="numeric">{formatCompact(item.annualValueAtScale)}</td>
                    <td className="numeric">{item.daysWaiting}</td>
                    <td>{item.blockingPattern ? <span className="chip">{PATTERN_LABELS[item.blockingPattern]}</span> : <span className="muted">None</span>}</td>
                    <td>
                      <RecommendationBadge action={item.recommendation} />
                    </td>
                    <td className="cell-action">
                      <DecideCell user={user} item={item} onDecide={setDeciding} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={queue.data.total} onPageChange={(p) => setParam('page', String(p))} noun="pilots" />
        </>
      )}
      {deciding && <DecisionDialog subject={deciding} onClose={() => setDeciding(null)} onRecorded={setRecorded} />}
    </>
  );
}
