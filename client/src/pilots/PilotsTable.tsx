import { Link } from 'react-router-dom';
import { ACTIVE_STAGES, type Pilot } from '@liftoff/shared';
import type { PilotSortField } from '../api/pilots';
import { StageBadge, WarningBadge } from '../components/Badges';
import { daysSinceWeek, formatWeekRange } from '../format/dates';
import type { PilotListView } from './pilot-list-view';

/** Mirrors the default `silentDays` threshold; the flags endpoint will make this server-driven. */
const SILENT_AFTER_DAYS = 14;

interface PilotsTableProps {
  pilots: Pilot[];
  view: PilotListView;
  onSort: (field: PilotSortField) => void;
  today: Date;
  /** Dim the rows while the next page loads. */
  stale?: boolean;
}

export function PilotsTable({ pilots, view, onSort, today, stale }: PilotsTableProps) {
  const sortHeader = (field: PilotSortField, label: string) => {
    const active = view.sort === field;
    return (
      <th scope="col" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(field)}>
          {label}
          <span className="sort-indicator" aria-hidden="true">
            {active ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
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
            <th scope="col">Unit</th>
            {sortHeader('stage', 'Stage')}
            <th scope="col">Lead</th>
            <th scope="col">Sponsor</th>
            <th scope="col">Last update</th>
            <th scope="col" className="numeric">
              Days since update
            </th>
          </tr>
        </thead>
        <tbody>
          {pilots.map((pilot) => (
            <PilotRow key={pilot.id} pilot={pilot} today={today} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PilotRow({ pilot, today }: { pilot: Pilot; today: Date }) {
  const days = daysSinceWeek(pilot.lastUpdateWeek, today);
  const expectsUpdates = ACTIVE_STAGES.includes(pilot.stage);
  const silent = expectsUpdates && (days === null || days >= SILENT_AFTER_DAYS);
  return (
    <tr>
      <th scope="row" className="cell-name">
        <Link to={`/pilots/${pilot.id}`}>{pilot.name}</Link>
      </th>
      <td>{pilot.businessUnitName}</td>
      <td>
        <StageBadge stage={pilot.stage} />
      </td>
      <td className="nowrap">{pilot.lead.name}</td>
      <td className="nowrap">{pilot.sponsor ? pilot.sponsor.name : <WarningBadge title="Pilots without an executive sponsor rarely scale">No sponsor</WarningBadge>}</td>
      <td>
        {pilot.lastUpdateWeek ? (
          <span title={formatWeekRange(pilot.lastUpdateWeek)}>{pilot.lastUpdateWeek}</span>
        ) : (
          <span className="muted">No updates yet</span>
        )}
      </td>
      <td className={`numeric${silent ? ' cell-warning' : expectsUpdates ? '' : ' muted'}`}>
        {days === null ? '—' : days}
        {silent && days !== null && <span className="visually-hidden"> (overdue)</span>}
      </td>
    </tr>
  );
}
