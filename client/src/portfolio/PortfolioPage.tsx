import { Link } from 'react-router-dom';
import { STAGES, type PortfolioFilter, type Stage } from '@liftoff/shared';
import { UnitFilter } from '../components/UnitFilter';
import { useUrlParams } from '../components/use-url-param';
import { usePortfolioOverview } from '../api/portfolio';
import { usePeople } from '../api/people';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { StatTile } from '../components/StatTile';
import { useDocumentTitle } from '../components/use-document-title';
import { BLOCKER_CATEGORY_LABELS, STAGE_LABELS } from '../format/labels';
import { formatInteger } from '../format/numbers';
import { PortfolioCharts } from './PortfolioCharts';

/** The Monday-morning view: where the portfolio stands, what is stuck, and what was decided. */
export default function PortfolioPage() {
  useDocumentTitle('Portfolio');
  const { params, setParam } = useUrlParams();
  const filter: PortfolioFilter = {
    businessUnitId: params.get('businessUnitId') || undefined,
    stage: (params.get('stage') as Stage | null) || undefined,
    sponsorId: params.get('sponsorId') || undefined,
  };
  const overview = usePortfolioOverview(filter);
  const sponsors = usePeople({ role: 'executive', pageSize: 200 });

  return (
    <>
      <PageHeader title="Portfolio" subtitle="Where every AI pilot stands on the way to production." />
      <section className="filters card" aria-label="Filters">
        <UnitFilter value={filter.businessUnitId} onChange={(id) => setParam('businessUnitId', id)} />
        <label>
          Stage
          <select value={filter.stage ?? ''} onChange={(e) => setParam('stage', e.target.value)}>
            <option value="">All stages</option>
            {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
          </select>
        </label>
        <label>
          Sponsor
          <select value={filter.sponsorId ?? ''} onChange={(e) => setParam('sponsorId', e.target.value)}>
            <option value="">All sponsors</option>
            {sponsors.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
      </section>
      {overview.isPending ? (
        <LoadingState label="Adding up the portfolio…" />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} title="Could not load the portfolio" />
      ) : (
        <>
          <div className="tile-grid tile-grid-headline">
            <StatTile label="Pilots" value={formatInteger(overview.data.tiles.pilots)} to="/pilots" hint={`${overview.data.tiles.byStage.piloting} piloting · ${overview.data.tiles.byStage.scaling} scaling · ${overview.data.tiles.byStage.production} in production`} />
            <StatTile label="Stuck now" value={formatInteger(overview.data.tiles.stuckNow)} to="/stuck" tone={overview.data.tiles.stuckNow > 0 ? 'warning' : 'default'} />
            <StatTile label="In the scale queue" value={formatInteger(overview.data.tiles.inScaleQueue)} to="/scale-queue" />
            <StatTile label="Decisions this quarter" value={formatInteger(overview.data.tiles.decisionsThisQuarter)} to="/decisions" />
            <StatTile label="Median months in pilot" value={overview.data.tiles.medianMonthsInPilot === null ? '—' : String(overview.data.tiles.medianMonthsInPilot)} />
          </div>
          <PortfolioCharts overview={overview.data} filter={filter} />
          <section className="card" aria-labelledby="oldest-blockers">
            <h2 id="oldest-blockers" className="card-title">Oldest open blockers</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr><th scope="col">Blocker</th><th scope="col">Pilot</th><th scope="col">Category</th><th scope="col">Weeks open</th><th scope="col">Reported</th></tr>
                </thead>
                <tbody>
                  {overview.data.oldestOpenBlockers.map((b) => (
                    <tr key={b.blockerId}>
                      <td>{b.text}</td>
                      <td><Link to={`/pilots/${b.pilotId}`}>{b.pilotName}</Link></td>
                      <td>{BLOCKER_CATEGORY_LABELS[b.category]}</td>
                      <td>{b.weeksOpen}</td>
                      <td>{b.mentions}×</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
