import { Link } from 'react-router-dom';
import type { AuditEventView } from '@liftoff/shared';
import { useAuditTrail } from '../api/audit';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { changedFields, RECORD_LABELS, subjectOf } from '@liftoff/shared';
import { ExportLinks } from '../exports/ExportLinks';

const PAGE_SIZE = 50;
const ENTITIES = Object.keys(RECORD_LABELS);
const ACTION_LABELS = { insert: 'Created', update: 'Changed', delete: 'Deleted' } as const;
const timestamp = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** Who changed what and when: the program office's audit trail. */
export default function AuditPage() {
  useDocumentTitle('Audit trail');
  const { data: user } = useSession();
  const { params, setParam } = useUrlParams();
  const entity = params.get('entity') || undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const allowed = canAdminister(user);
  // Nobody else may read the trail, so nobody else asks for it.
  const audit = useAuditTrail({ entity, page, pageSize: PAGE_SIZE }, allowed);

  if (!allowed) {
    return (
      <EmptyState title="The audit trail is for the program office">
        <Link to="/">Back to the portfolio</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Every change to pilots, updates, decisions and settings, newest first. Times in UTC."
        actions={<ExportLinks list="audit" label="the audit trail" query={{ entity }} />}
      />
      <section className="filters card" aria-label="Filters">
        <label>
          Record type
          <select value={entity ?? ''} onChange={(e) => setParam('entity', e.target.value)}>
            <option value="">Everything</option>
            {ENTITIES.map((name) => (
              <option key={name} value={name}>
                {RECORD_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
      </section>
      {audit.isPending ? (
        <LoadingState />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} title="Could not load the audit trail" />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="No changes recorded">Changes made through Liftoff appear here.</EmptyState>
      ) : (
        <div className="card card-flush">
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((event) => (
                  <tr key={event.id}>
                    <td className="nowrap">{timestamp.format(new Date(event.at))}</td>
                    <td>
                      <ActorName actorId={event.actorId} actorName={event.actorName} />
                    </td>
                    <td>
                      {ACTION_LABELS[event.action]} {subjectOf(event)}
                    </td>
                    <td>
                      <ul className="audit-changes">
                        {changedFields(event).slice(0, 6).map((change) => (
                          <li key={change.field}>
                            <span className="audit-field">{change.label}</span>:{' '}
                            {event.action === 'update' ? (
                              <>
                                <del>{change.before}</del> → <ins>{change.after}</ins>
                              </>
                            ) : event.action === 'delete' ? (
                              change.before
                            ) : (
                              change.after
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={audit.data.total} onPageChange={(p) => setParam('page', String(p))} noun="changes" />
        </div>
      )}
    </>
  );
}

/** The person behind a change; the system (seed, sweep) has no id, a removed person no name. */
function ActorName({ actorId, actorName }: Pick<AuditEventView, 'actorId' | 'actorName'>) {
  if (!actorId) return <span className="muted">System</span>;
  if (!actorName) return <span className="muted" title={actorId}>Removed person</span>;
  return <>{actorName}</>;
}
