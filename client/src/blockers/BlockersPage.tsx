import { useMemo } from 'react';
import { usePortfolioBlockers } from '../api/blockers';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { BlockerFilters } from './BlockerFilters';
import { BlockersTable } from './BlockersTable';
import { ExportLinks } from '../exports/ExportLinks';
import { isFiltered, readBlockerFilters, toBlockerQuery } from './blocker-filters';

const PAGE_SIZE = 25;

/** Every pilot's blockers across the portfolio: what keeps coming back, and what has stood longest. */
export default function BlockersPage() {
  useDocumentTitle('Blockers');
  const { params, setParam } = useUrlParams();
  const filters = readBlockerFilters(params);
  const filtered = isFiltered(filters);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const today = useMemo(() => new Date(), []);
  const query = toBlockerQuery(filters, page, PAGE_SIZE);
  const blockers = usePortfolioBlockers(query);

  return (
    <>
      <PageHeader
        title="Blockers"
        subtitle="Blockers reported in weekly updates across the portfolio. Open ones first, the longest standing at the top."
        actions={<ExportLinks list="blockers" label="blockers" query={{ ...query }} />}
      />
      <BlockerFilters values={filters} onChange={setParam} />
      {blockers.isPending ? (
        <LoadingState label="Loading blockers…" />
      ) : blockers.isError ? (
        <ErrorState error={blockers.error} onRetry={() => blockers.refetch()} title="Could not load the blockers" />
      ) : blockers.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No blockers match these filters' : 'No open blockers'}>
          {filtered ? 'Try another category, status or business unit.' : 'Blockers reported in weekly updates appear here until they are resolved.'}
        </EmptyState>
      ) : (
        <div className="card card-flush" aria-busy={blockers.isFetching}>
          <BlockersTable blockers={blockers.data.items} today={today} stale={blockers.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={blockers.data.total} onPageChange={(p) => setParam('page', String(p))} noun="blockers" />
        </div>
      )}
    </>
  );
}
