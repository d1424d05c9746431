import { Link } from 'react-router-dom';
import { takesUpdates, type Pilot, type PilotSortField } from '@liftoff/shared';
import { PatternChips, ReadinessScore, RecommendationBadge } from '../components/AnalysisBadges';
import { HealthBadge, StageBadge, WarningBadge } from '../components/Badges';
import { formatWeekRange } from '../format/dates';
import { isShownInverted, type PilotListView } from './pilot-list-view';
import { daysSinceLastUpdate, expectsUpdates, isSilent } from './pilot-status';

interface PilotsTableProps {
  pilots: Pilot[];
  view: PilotListView;
  onSort: (field: PilotSortField) => void;
  today: Date;
  /** Dim the rows while the next page loads. */
  stale?: boolean;
  /**
   * The pilots still without this week's update, as the weekly reminder lists them (the person's own
   * time zone and the stages that take updates); given, the table shows a "This week" column.
   */
  dueIds?: ReadonlySet<string>;
  /** Whether the signed-in person may post an update for this pilot. */
  canPost?: (pilot: Pilot) => boolean;
}

export function PilotsTable({ pilots, view, onSort, today, stale, dueIds, canPost = () => false }: PilotsTableProps) {
  /** Sorting happens on the server; the header says how the values shown are ordered. */
  const sortHeader = (field: PilotSortField, label: string, className?: string) => {
    const active = view.sort === field;
    const ascending = (view.order === 'asc') !== isShownInverted(field);
    return (
      <th scope="col" className={className} aria-sort={active ? (ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(field)}>
          {label}
          <span className="sort-indicator" aria-hidden="true">
            {active ? (ascending ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-wrap">
      <table className={`table pilots-table${stale ? ' is-stale' : ''}`}>
        <thead>
          <tr>
            {sortHeader('name', 'Pilot')}
            {sortHeader('stage', 'Stage')}
            <th scope="col">Health</th>
            {sortHeader('openFlagCount', 'Open flags', 'numeric')}
            <th scope="col">Patterns</th>
            <th scope="col">Recommendation</th>
            {sortHeader('readinessScore', 'Readiness', 'numeric')}
            {sortHeader('lastUpdateAt', 'Days since update', 'numeric')}
            {dueIds && <th scope="col">This week</th>}
          </tr>
        </thead>
        <tbody>
          {pilots.map((pilot) => (
            <PilotRow key={pilot.id} pilot={pilot} today={today} dueIds={dueIds} canPost={canPost(pilot)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PilotRow({ pilot, today, dueIds, canPost }: { pilot: Pilot; today: Date; dueIds: ReadonlySet<string> | undefined; canPost: boolean }) {
  const days = daysSinceLastUpdate(pilot, today);
  const silent = isSilent(pilot, today);
  return (
    <tr>
      <th scope="row" className="cell-name">
        <Link to={`/pilots/${pilot.id}`}>{pilot.name}</Link>
        <span className="cell-sub">
          {pilot.businessUnitName} · {pilot.lead.name}
          {!pilot.sponsor && !pilot.patterns?.includes('missing_executive_sponsor') && (
            <>
              {' '}
              <WarningBadge title="Pilots without an executive sponsor rarely scale">No sponsor</WarningBadge>
            </>
          )}
        </span>
      </th>
      <td>
        <StageBadge stage={pilot.stage} />
      </td>
      <td>{pilot.lastHealth ? <HealthBadge health={pilot.lastHealth} /> : <span className="muted">—</span>}</td>
      <td className="numeric">
        {pilot.openFlagCount === undefined ? (
          <span className="muted">—</span>
        ) : pilot.openFlagCount > 0 ? (
          <Link to={`/stuck?pilotId=${pilot.id}`} className="flag-count" aria-label={`${pilot.openFlagCount} open stuck signs`}>
            {pilot.openFlagCount}
          </Link>
        ) : (
          <span className="flag-count flag-count-zero">0</span>
        )}
      </td>
      <td className="cell-patterns">{pilot.patterns ? <PatternChips patterns={pilot.patterns} /> : <span className="muted">—</span>}</td>
      <td>{pilot.recommendation ? <RecommendationBadge action={pilot.recommendation} /> : <span className="muted">—</span>}</td>
      <td className="numeric">{pilot.readinessScore === null || pilot.readinessScore === undefined ? <span className="muted">—</span> : <ReadinessScore score={pilot.readinessScore} />}</td>
      <td className={`numeric${silent ? ' cell-warning' : expectsUpdates(pilot) ? '' : ' muted'}`}>
        {days === null ? (
          <span className="muted">No updates yet</span>
        ) : (
          <span title={pilot.lastUpdateWeek ? `Last update for ${pilot.lastUpdateWeek} (${formatWeekRange(pilot.lastUpdateWeek)})` : undefined}>{days}</span>
        )}
        {silent && days !== null && <span className="visually-hidden"> (overdue)</span>}
      </td>
      {dueIds && (
        <td className="nowrap">
          {!takesUpdates(pilot.stage) ? (
            <span className="muted">No updates expected</span>
          ) : dueIds.has(pilot.id) ? (
            canPost ? (
              <Link className="button button-small button-primary" to={`/pilots/${pilot.id}/updates/new`}>
                Post update
              </Link>
            ) : (
              <span className="badge badge-due">Due</span>
            )
          ) : (
            <span className="badge badge-done">Posted</span>
          )}
        </td>
      )}
    </tr>
  );
}
