import { Link } from 'react-router-dom';
import type { PortfolioBlocker } from '@liftoff/shared';
import { BlockerStatusBadge } from '../components/Badges';
import { formatDate, formatWeekRange } from '../format/dates';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { formatInteger } from '../format/numbers';
import { weeksOpen } from './blocker-filters';

interface BlockersTableProps {
  blockers: PortfolioBlocker[];
  today: Date;
  /** Dim the rows while the next page loads. */
  stale?: boolean;
}

/** One row per blocker; the table scrolls inside its card on narrow screens. */
export function BlockersTable({ blockers, today, stale }: BlockersTableProps) {
  return (
    <div className="table-wrap">
      <table className={`table blockers-table${stale ? ' is-stale' : ''}`}>
        <thead>
          <tr>
            <th scope="col">Blocker</th>
            <th scope="col">Category</th>
            <th scope="col">Pilot and unit</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="numeric">Weeks open</th>
            <th scope="col" className="numeric">Times reported</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {blockers.map((b) => {
            const weeks = weeksOpen(b, today);
            return (
              <tr key={b.id}>
                <th scope="row" className="cell-name">{b.text}</th>
                <td>{BLOCKER_CATEGORY_LABELS[b.category]}</td>
                <td className="cell-pilot">
                  <Link to={`/pilots/${b.pilotId}`}>{b.pilotName}</Link>
                  <span className="cell-sub">{b.businessUnitName}</span>
                </td>
                <td className="nowrap" title={formatWeekRange(b.firstSeenWeek)}>{b.firstSeenWeek}</td>
                <td className="nowrap" title={formatWeekRange(b.lastSeenWeek)}>{b.lastSeenWeek}</td>
                <td className="numeric">{weeks === null ? <span className="muted">—</span> : formatInteger(weeks)}</td>
                <td className="numeric">{formatInteger(b.mentionCount)}</td>
                <td className="nowrap">
                  <BlockerStatusBadge status={b.status} />
                  {b.resolvedAt && <span className="cell-sub">{formatDate(b.resolvedAt)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
