import { Link } from 'react-router-dom';
import { SIGNAL_KINDS, STAGES, type SignalFlag, type SignalKind, type Stage } from '@liftoff/shared';
import { useFlags } from '../api/decisions';
import { UnitFilter } from '../components/UnitFilter';
import { useUrlParams } from '../components/use-url-param';
import { StageBadge } from '../components/Badges';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';
import { STAGE_LABELS } from '../format/labels';
import { groupFlagsByPilot, SIGNAL_LABELS } from './flag-groups';

const PAGE_SIZE = 50;

/** Open stuck signs with their evidence in words, grouped by pilot; filters live in the URL. */
export default function StuckPage() {
  useDocumentTitle('Stuck pilots');
  const { params, setParam } = useUrlParams();
  const kind = (params.get('kind') as SignalKind | null) ?? undefined;
  const stage = (params.get('stage') as Stage | null) ?? undefined;
  const businessUnitId = params.get('businessUnitId') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const flags = useFlags({ status: 'open', kind, stage, businessUnitId, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader title="Stuck pilots" subtitle="Every open sign of pilot purgatory, with the evidence behind it." />
      <section className="filters card" aria-label="Filters">
        <label>
          Signal
          <select value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">All signals</option>
            {SIGNAL_KINDS.map((k) => <option key={k} value={k}>{SIGNAL_LABELS[k]}</option>)}
          </select>
        </label>
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
        <label>
          Stage
          <select value={stage ?? ''} onChange={(e) => setParam('stage', e.target.value)}>
            <option value="">All stages</option>
            {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
          </select>
        </label>
      </section>
      {flags.isPending ? (
        <LoadingState />
      ) : flags.isError ? (
        <ErrorState error={flags.error} onRetry={() => flags.refetch()} />
      ) : flags.data.items.length === 0 ? (
        <EmptyState title="Nothing stuck here">No open signals match these filters.</EmptyState>
      ) : (
        <>
          {groupFlagsByPilot(flags.data.items).map((group) => (
            <section key={group.pilotId} className="card stuck-group" aria-label={group.pilotName}>
              <h2 className="stuck-group-title">
                <Link to={`/pilots/${group.pilotId}`}>{group.pilotName}</Link> <StageBadge stage={group.stage} />
                <span className="muted"> · {group.businessUnitName}</span>
              </h2>
              <ul className="stuck-flags">
                {group.flags.map((flag: SignalFlag) => (
                  <li key={flag.id}>
                    <span className={`signal-tag signal-${flag.kind}`}>{SIGNAL_LABELS[flag.kind]}</span> {flag.summary}
                    <span className="muted"> (since {formatDate(flag.openedAt)})</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Pagination page={page} pageSize={PAGE_SIZE} total={flags.data.total} onPageChange={(p) => setParam('page', String(p))} noun="signals" />
        </>
      )}
    </>
  );
}
