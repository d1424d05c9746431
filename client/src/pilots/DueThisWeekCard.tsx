import { Link } from 'react-router-dom';
import { isoWeekOf } from '@liftoff/shared';
import { usePilots } from '../api/pilots';
import { StageBadge } from '../components/Badges';
import { formatWeekRange } from '../format/dates';
import { plural } from '../format/numbers';
import { dueThisWeek, expectsUpdates } from './pilot-status';

/** A lead's Monday checklist: which of their active pilots still need this week's update. */
export function DueThisWeekCard({ leadId, today, canPost }: { leadId: string; today: Date; canPost: boolean }) {
  const pilots = usePilots({ leadId, pageSize: 200, sort: 'name' });
  if (!pilots.data) return null;
  const active = pilots.data.items.filter(expectsUpdates);
  const due = dueThisWeek(active, today);
  const week = isoWeekOf(today);
  return (
    <section className={`card due-card${due.length ? ' notice-warning' : ''}`} aria-labelledby="due-title">
      <h2 id="due-title" className="card-title">
        {due.length === 0
          ? `All caught up for ${week}`
          : `${plural(due.length, 'update')} due this week`}
      </h2>
      <p className="card-description">
        {active.length === 0
          ? 'None of these pilots is piloting or scaling, so no weekly updates are expected.'
          : `${due.length} of ${plural(active.length, 'active pilot')} have no update for ${week} (${formatWeekRange(week)}) yet.`}
      </p>
      {due.length > 0 && (
        <ul className="due-list">
          {due.map((pilot) => (
            <li key={pilot.id}>
              <Link to={`/pilots/${pilot.id}`}>{pilot.name}</Link> <StageBadge stage={pilot.stage} />
              <span className="muted">last update {pilot.lastUpdateWeek ?? 'never'}</span>
              {canPost && (
                <Link className="button button-small button-primary" to={`/pilots/${pilot.id}/updates/new`} aria-label={`Post update for ${pilot.name}`}>
                  Post update
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
