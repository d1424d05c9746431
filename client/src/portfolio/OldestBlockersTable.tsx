import { Link } from 'react-router-dom';
import type { PortfolioFilter, PortfolioOverview } from '@liftoff/shared';
import { blockersLink } from '../blockers/blockers-link';
import { EmptyState } from '../components/QueryStates';
import { formatWeekRange } from '../format/dates';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';

/** The blockers that have stood in the way longest: where an escalation pays off first. */
export function OldestBlockersTable({ blockers, filter }: { blockers: PortfolioOverview['oldestOpenBlockers']; filter: PortfolioFilter }) {
  return (
    <section className="card" aria-labelledby="oldest-blockers">
      <header className="card-header">
        <div>
          <h2 id="oldest-blockers" className="card-title">Oldest open blockers</h2>
          <p className="card-description">Open blockers by how long ago they were first reported.</p>
        </div>
        {/* The blockers list filters by unit only: the overview's stage and sponsor do not carry over. */}
        <Link className="button button-quiet button-small" to={blockersLink(filter)}>
          See all open blockers
        </Link>
      </header>
      {blockers.length === 0 ? (
        <EmptyState title="No open blockers" />
      ) : (
        <div className="table-wrap">
          <table className="table oldest-blockers-table">
            <thead>
              <tr>
                <th scope="col">Blocker</th>
                <th scope="col">Pilot</th>
                <th scope="col">Category</th>
                <th scope="col">First reported</th>
                <th scope="col" className="numeric">Weeks open</th>
                <th scope="col" className="numeric">Updates reporting it</th>
              </tr>
            </thead>
            <tbody>
              {blockers.map((b) => (
                <tr key={b.blockerId}>
                  <td>{b.text}</td>
                  <td><Link to={`/pilots/${b.pilotId}`}>{b.pilotName}</Link></td>
                  <td>{BLOCKER_CATEGORY_LABELS[b.category]}</td>
                  <td className="nowrap" title={formatWeekRange(b.firstSeenWeek)}>{b.firstSeenWeek}</td>
                  <td className="numeric">{b.weeksOpen}</td>
                  <td className="numeric">{b.mentions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
