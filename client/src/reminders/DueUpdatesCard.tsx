import { Link } from 'react-router-dom';
import type { Role } from '@liftoff/shared';
import { StageBadge } from '../components/Badges';
import { formatWeekRange } from '../format/dates';
import { plural } from '../format/numbers';
import { useDueUpdates } from './reminder-api';

/** Roles that post weekly updates, and so may lead pilots that need them. */
const POSTING_ROLES: readonly Role[] = ['pilot_lead', 'program_office'];

/**
 * The home page's "Updates due this week" for a pilot lead: the same list the weekly reminder sends,
 * for the week of the lead's own time zone, with a link to each pilot's update form.
 */
export function DueUpdatesCard({ role }: { role: Role }) {
  const due = useDueUpdates(POSTING_ROLES.includes(role));
  if (!due.data) return null;
  const { week, items } = due.data;
  // The program office sees the card only when it leads a pilot itself.
  if (items.length === 0 && role !== 'pilot_lead') return null;
  return (
    <section className={`card due-card${items.length ? ' notice-warning' : ''}`} aria-labelledby="due-updates-title">
      <h2 id="due-updates-title" className="card-title">Updates due this week</h2>
      <p className="card-description">
        {items.length === 0
          ? `All caught up: every pilot you lead has its update for ${week} (${formatWeekRange(week)}).`
          : `${plural(items.length, 'pilot')} you lead ${items.length === 1 ? 'has' : 'have'} no update for ${week} (${formatWeekRange(week)}) yet.`}
      </p>
      {items.length > 0 && (
        <ul className="due-list">
          {items.map((item) => (
            <li key={item.pilotId}>
              <Link to={`/pilots/${item.pilotId}`}>{item.pilotName}</Link> <StageBadge stage={item.stage} />
              <span className="muted">
                {item.weeksMissing > 1 ? `${item.weeksMissing} weeks without an update` : `last update ${item.lastUpdateWeek ?? 'never'}`}
              </span>
              <Link className="button button-small button-primary" to={item.updatePath} aria-label={`Post update for ${item.pilotName}`}>
                Post update
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
