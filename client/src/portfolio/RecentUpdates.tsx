import { Link } from 'react-router-dom';
import { usePortfolioUpdates } from '../api/updates';
import { HealthBadge } from '../components/Badges';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { formatDate } from '../format/dates';

/** The latest weekly updates across the portfolio: what changed since last Monday. */
export function RecentUpdates({ businessUnitId }: { businessUnitId?: string }) {
  const updates = usePortfolioUpdates({ businessUnitId, page: 1, pageSize: 8 });
  return (
    <section className="card" aria-labelledby="recent-updates-heading">
      <header className="card-header">
        <h2 id="recent-updates-heading" className="card-title">
          Latest updates
        </h2>
      </header>
      {updates.isPending ? (
        <LoadingState />
      ) : updates.isError ? (
        <ErrorState error={updates.error} onRetry={() => updates.refetch()} title="Could not load updates" />
      ) : updates.data.items.length === 0 ? (
        <EmptyState title="No updates yet" />
      ) : (
        <ul className="feed">
          {updates.data.items.map((update) => (
            <li key={update.id} className="feed-item">
              <div className="feed-item-header">
                <Link to={`/pilots/${update.pilotId}`} className="feed-item-title">
                  {update.pilotName}
                </Link>
                <HealthBadge health={update.health} />
              </div>
              <p className="feed-item-summary">{update.summary}</p>
              <p className="muted feed-item-meta">
                {update.week} · confidence {update.confidence}/5 · {update.author.name}, {formatDate(update.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
