import { Link } from 'react-router-dom';
import { PATTERNS, SIGNAL_KINDS, STAGES, type Pattern, type SignalKind, type Stage } from '@liftoff/shared';
import { StageBadge } from '../components/Badges';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { FlagAge } from '../components/FlagAge';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { SponsorFilter } from '../components/SponsorFilter';
import { StageFilter } from '../components/StageFilter';
import { UnitFilter } from '../components/UnitFilter';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { PATTERN_LABELS, SIGNAL_LABELS } from '../format/analysis-labels';
import { useStuckFlags } from './use-stuck-flags';
import { ExportLinks } from '../exports/ExportLinks';

const PAGE_SIZE = 50;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Open stuck signs with their evidence in words, grouped by pilot; filters live in the URL. */
export default function StuckPage() {
  useDocumentTitle('Stuck pilots');
  const { params, setParam } = useUrlParams();
  const kind = oneOf<SignalKind>(SIGNAL_KINDS, params.get('kind'));
  const stage = oneOf<Stage>(STAGES, params.get('stage'));
  const pattern = oneOf<Pattern>(PATTERNS, params.get('pattern'));
  const businessUnitId = params.get('businessUnitId') || undefined;
  const sponsorId = params.get('sponsorId') || undefined;
  const pilotId = params.get('pilotId') || undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const flags = useStuckFlags({ kind, stage, businessUnitId, sponsorId, pilotId, pattern, page, pageSize: PAGE_SIZE });
  const groups = flags.data?.items ?? [];
  const filtered = Boolean(kind || stage || pattern || businessUnitId || sponsorId || pilotId);

  return (
    <>
      <PageHeader
        title="Stuck pilots"
        subtitle="Every open sign of pilot purgatory, with the evidence behind it."
        actions={<ExportLinks list="flags" label="the stuck list" query={{ status: 'open', kind, pattern, businessUnitId, stage, sponsorId, pilotId }} />}
      />
      <section className="filters card" aria-label="Filters">
        <label>
          Signal
          <select value={kind ?? ''} onChange={(e) => setParam('kind', e.target.value)}>
            <option value="">All signals</option>
            {SIGNAL_KINDS.map((k) => <option key={k} value={k}>{SIGNAL_LABELS[k]}</option>)}
          </select>
        </label>
        <label>
          Pattern
          <select value={pattern ?? ''} onChange={(e) => setParam('pattern', e.target.value)}>
            <option value="">Any pattern</option>
            {PATTERNS.map((p) => <option key={p} value={p}>{PATTERN_LABELS[p]}</option>)}
          </select>
        </label>
        <UnitFilter value={businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
        <StageFilter value={stage} onChange={(value) => setParam('stage', value)} />
        <SponsorFilter value={sponsorId} onChange={(id) => setParam('sponsorId', id)} />
        {filtered && (
          <Link className="button button-quiet filters-clear" to="/stuck">
            Clear filters
          </Link>
        )}
      </section>
      {pilotId && (
        <p className="filter-note muted">
          Showing one pilot’s signs. <Link to={`/pilots/${pilotId}`}>Open the pilot</Link> · <Link to="/stuck">Show every pilot</Link>
        </p>
      )}
      {flags.isPending ? (
        <LoadingState label="Looking for stuck pilots…" />
      ) : flags.isError ? (
        <ErrorState error={flags.error} onRetry={() => flags.refetch()} title="Could not load the stuck list" />
      ) : flags.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'Nothing stuck here' : 'No pilot is stuck'}>
          {filtered ? 'No open signals match these filters.' : 'Every active pilot is moving. Signals appear here as soon as a rule fires.'}
        </EmptyState>
      ) : (
        <div aria-busy={flags.isFetching} className={flags.isPlaceholderData ? 'is-stale' : undefined}>
          {groups.map((group) => (
            <section key={group.pilotId} className="card stuck-group" aria-label={group.pilotName}>
              <h2 className="stuck-group-title">
                <Link to={`/pilots/${group.pilotId}`}>{group.pilotName}</Link> <StageBadge stage={group.stage} />
                <span className="muted"> {group.businessUnitName}</span>
              </h2>
              <ul className="stuck-flags">
                {group.flags.map((flag) => (
                  <li key={flag.id}>
                    <span className={`signal-tag signal-${flag.kind}`}>{SIGNAL_LABELS[flag.kind]}</span>
                    <span>
                      {flag.summary}
                      <FlagAge flag={flag} showFlagged />
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Pagination page={page} pageSize={PAGE_SIZE} total={flags.data.total} onPageChange={(p) => setParam('page', String(p))} noun="pilots" />
        </div>
      )}
    </>
  );
}
