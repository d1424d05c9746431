import { Suspense } from 'react';
import { STAGES, type PortfolioFilter, type Stage } from '@liftoff/shared';
import { usePortfolioOverview } from '../api/portfolio';
import { PageHeader } from '../components/PageHeader';
import { preloadable } from '../components/preloadable';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { SponsorFilter } from '../components/SponsorFilter';
import { StageFilter } from '../components/StageFilter';
import { StatTile } from '../components/StatTile';
import { UnitFilter } from '../components/UnitFilter';
import { useDocumentTitle } from '../components/use-document-title';
import { useUrlParams } from '../components/use-url-param';
import { formatInteger, formatNumber } from '../format/numbers';
import { OldestBlockersTable } from './OldestBlockersTable';
import { useSession } from '../auth/session';
import { DueUpdatesCard } from '../reminders/DueUpdatesCard';
import { decisionsLink, pilotsLink, quarterOf, scaleQueueLink, stuckLink } from './overview-data';

// Fetched as soon as the page is, so the charts' chunk arrives while the overview is being added up.
const PortfolioCharts = preloadable(() => import('./PortfolioCharts'));
PortfolioCharts.preload().catch(() => undefined);

function readStage(value: string | null): Stage | undefined {
  return (STAGES as readonly string[]).includes(value ?? '') ? (value as Stage) : undefined;
}

/** The Monday-morning view: where the portfolio stands, what is stuck, and what was decided. */
export default function PortfolioPage() {
  useDocumentTitle('Portfolio');
  const { params, setParam } = useUrlParams();
  const filter: PortfolioFilter = {
    businessUnitId: params.get('businessUnitId') || undefined,
    stage: readStage(params.get('stage')),
    sponsorId: params.get('sponsorId') || undefined,
  };
  const overview = usePortfolioOverview(filter);
  const tiles = overview.data?.tiles;
  const { data: user } = useSession();

  return (
    <>
      <PageHeader title="Portfolio" subtitle="Where every AI pilot stands on the way to production." />
      {user && <DueUpdatesCard role={user.role} />}
      <section className="filters card" aria-label="Filters">
        <UnitFilter value={filter.businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
        <StageFilter value={filter.stage} onChange={(stage) => setParam('stage', stage)} />
        <SponsorFilter value={filter.sponsorId} onChange={(id) => setParam('sponsorId', id)} />
      </section>
      {overview.isPending ? (
        <LoadingState label="Adding up the portfolio…" />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} title="Could not load the portfolio" />
      ) : (
        <div aria-busy={overview.isFetching}>
          <div className="tile-grid tile-grid-headline">
            <StatTile
              label="Pilots"
              value={formatInteger(tiles!.pilots)}
              to={pilotsLink(filter)}
              hint={`${tiles!.byStage.piloting} piloting · ${tiles!.byStage.scaling} scaling · ${tiles!.byStage.production} in production`}
            />
            <StatTile label="Stuck now" value={formatInteger(tiles!.stuckNow)} to={stuckLink(filter)} tone={tiles!.stuckNow > 0 ? 'warning' : 'default'} hint="pilots with an open stuck sign" />
            <StatTile label="In the scale queue" value={formatInteger(tiles!.inScaleQueue)} to={scaleQueueLink(filter)} hint="waiting for a scale decision" />
            <StatTile label="Decisions this quarter" value={formatInteger(tiles!.decisionsThisQuarter)} to={decisionsLink(filter, { quarter: quarterOf(new Date()) })} hint="scale, pivot, kill or continue" />
            <StatTile label="Median months in pilot" value={tiles!.medianMonthsInPilot === null ? '—' : formatNumber(tiles!.medianMonthsInPilot)} hint="pilots still piloting or scaling" />
          </div>
          <Suspense fallback={<LoadingState label="Drawing the charts…" />}>
            <PortfolioCharts overview={overview.data} filter={filter} />
          </Suspense>
          <OldestBlockersTable blockers={overview.data.oldestOpenBlockers} filter={filter} />
        </div>
      )}
    </>
  );
}
