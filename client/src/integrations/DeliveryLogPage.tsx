import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CHANNEL_KIND_LABELS, DELIVERY_KINDS, DELIVERY_STATUSES, WEBHOOK_EVENT_LABELS, type DeliveryKind, type DeliveryStatus } from '@liftoff/shared';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { useDeliveries } from './integrations-api';

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'Waiting to send', delivered: 'Delivered', failed: 'Failed' };
const PAGE_SIZE = 50;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Every event sent to every channel or person, with its attempts and outcome (program office). */
export default function DeliveryLogPage() {
  useDocumentTitle('Delivery log');
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [kind, setKind] = useState<DeliveryKind | ''>('');
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries({ page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(kind ? { kind } : {}) });

  return (
    <>
      <PageHeader title="Delivery log" subtitle="What Liftoff sent to Slack, Teams, webhooks and email, and how each attempt went." />
      <p>
        <Link to="/settings">Back to Settings</Link>
      </p>
      <div className="filters">
        <label>
          Status{' '}
          <select className="input" value={status} onChange={(e) => { setStatus(e.target.value as DeliveryStatus | ''); setPage(1); }}>
            <option value="">All</option>
            {DELIVERY_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>{' '}
        <label>
          Channel kind{' '}
          <select className="input" value={kind} onChange={(e) => { setKind(e.target.value as DeliveryKind | ''); setPage(1); }}>
            <option value="">All</option>
            {DELIVERY_KINDS.map((k) => <option key={k} value={k}>{CHANNEL_KIND_LABELS[k]}</option>)}
          </select>
        </label>
      </div>
      {deliveries.isPending && <LoadingState label="Loading the delivery log…" />}
      {deliveries.isError && <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} title="Could not load the delivery log" />}
      {deliveries.data && deliveries.data.items.length === 0 && <p>Nothing sent yet{status || kind ? ' with these filters' : ''}.</p>}
      {deliveries.data && deliveries.data.items.length > 0 && (
        <div className="card">
          <table className="table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Created</th>
                <th scope="col">Delivered</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{WEBHOOK_EVENT_LABELS[d.eventType] ?? d.eventType}</td>
                  <td>{d.target} <span className="muted">({CHANNEL_KIND_LABELS[d.kind]})</span></td>
                  <td>
                    {STATUS_LABELS[d.status]}
                    {d.status === 'pending' && d.nextAttemptAt && <span className="muted"> (next try {when(d.nextAttemptAt)})</span>}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{[d.lastResponseCode, d.lastError].filter((part) => part !== null).join(' — ') || '—'}</td>
                  <td>{when(d.createdAt)}</td>
                  <td>{when(d.deliveredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={deliveries.data.total} onPageChange={setPage} noun="deliveries" />
        </div>
      )}
    </>
  );
}
