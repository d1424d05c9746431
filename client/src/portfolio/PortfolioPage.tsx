import { useSearchParams } from 'react-router-dom';
import { useBusinessUnits } from '../api/business-units';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { RecentUpdates } from './RecentUpdates';
import { StageCountTiles } from './StageCountTiles';
import { StageDistributionBar } from './StageDistributionBar';
import { useStageCounts } from './use-stage-counts';

/** The Monday-morning view: where the portfolio stands and what was reported lately. */
export default function PortfolioPage() {
  useDocumentTitle('Portfolio');
  const [searchParams, setSearchParams] = useSearchParams();
  const businessUnitId = searchParams.get('businessUnitId') || undefined;
  const units = useBusinessUnits();
  const counts = useStageCounts(businessUnitId);

  const unitFilter = (
    <div className="filter filter-inline">
      <label htmlFor="portfolio-unit">Business unit</label>
      <select
        id="portfolio-unit"
        className="input"
        value={businessUnitId ?? ''}
        onChange={(event) => setSearchParams(event.target.value ? { businessUnitId: event.target.value } : {})}
      >
        <option value="">All units</option>
        {units.data?.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeader title="Portfolio" subtitle="Where every AI pilot stands on the way to production." actions={unitFilter} />
      <div className="portfolio-grid">
        <section className="card" aria-label="Pilots by stage">
          {counts.isPending ? (
            <LoadingState label="Counting pilots…" />
          ) : counts.error || !counts.data ? (
            <ErrorState error={counts.error} onRetry={counts.refetch} title="Could not count pilots" />
          ) : (
            <>
              <StageDistributionBar counts={counts.data} />
              <StageCountTiles counts={counts.data} businessUnitId={businessUnitId} />
            </>
          )}
        </section>
        <RecentUpdates businessUnitId={businessUnitId} />
      </div>
    </>
  );
}
