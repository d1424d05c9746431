import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { WeeklyUpdate } from '@liftoff/shared';
import { HealthBadge } from '../components/Badges';
import { EmptyState } from '../components/QueryStates';
import { formatDate, formatWeekRange } from '../format/dates';
import { BLOCKER_CATEGORY_LABELS } from '../format/labels';
import { formatNumber } from '../format/numbers';
import { ExportLinks } from '../exports/ExportLinks';

const FIRST_SHOWN = 6;

/**
 * The pilot's updates, newest first; older ones on request to keep the page short. `canEdit`: its lead or
 * the program office. `exportPilotId`: offer this pilot's updates as a file (the program office's).
 */
export function UpdatesList({ updates, canEdit = false, exportPilotId }: { updates: WeeklyUpdate[]; canEdit?: boolean; exportPilotId?: string }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? updates : updates.slice(0, FIRST_SHOWN);
  return (
    <section className="card" aria-labelledby="updates-heading">
      <header className="card-header">
        <h2 id="updates-heading" className="card-title">
          Weekly updates
        </h2>
        {exportPilotId && <ExportLinks list="weekly-updates" label="this pilot’s weekly updates" query={{ pilotId: exportPilotId }} />}
      </header>
      {updates.length === 0 ? (
        <EmptyState title="No updates yet" />
      ) : (
        <>
          <ol className="update-list">
            {shown.map((update) => (
              <UpdateItem key={update.id} update={update} canEdit={canEdit} />
            ))}
          </ol>
          {updates.length > FIRST_SHOWN && (
            <button type="button" className="button button-quiet" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
              {showAll ? 'Show fewer' : `Show all ${updates.length} updates`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function UpdateItem({ update, canEdit }: { update: WeeklyUpdate; canEdit: boolean }) {
  return (
    <li className="update-item">
      <div className="update-item-header">
        <span className="update-week">
          {update.week} <span className="muted">{formatWeekRange(update.week)}</span>
        </span>
        <HealthBadge health={update.health} />
        <span className="update-confidence" title="Confidence it reaches production">
          Confidence {update.confidence}/5
        </span>
        <span className="muted update-author">
          {update.author.name} · {formatDate(update.createdAt)}
        </span>
        {canEdit && (
          <Link className="update-edit" to={`/pilots/${update.pilotId}/updates/${update.id}/edit`} aria-label={`Edit the update for ${update.week}`}>
            Edit
          </Link>
        )}
      </div>
      <p className="update-summary">{update.summary}</p>
      <ul className="update-meta">
        <li>
          {formatNumber(update.activeUsers)} active users ({formatNumber(update.activeUsersOutsideTeam)} outside the team)
        </li>
        {update.scaleQuestionAsked && <li className="meta-flag">Leadership asked when it will scale</li>}
        {update.resourcesRedirected && <li className="meta-flag meta-flag-warning">Resources redirected away</li>}
        {update.kpiReadings.map((reading) => (
          <li key={reading.kpiId}>
            {reading.kpiName}: {formatNumber(reading.value)}
          </li>
        ))}
      </ul>
      {update.blockers.length > 0 && (
        <ul className="update-blockers" aria-label="Blockers reported">
          {update.blockers.map((blocker) => (
            <li key={blocker.id} className={`update-blocker update-blocker-${blocker.status}`}>
              <span className="category-tag">{BLOCKER_CATEGORY_LABELS[blocker.category]}</span> {blocker.text}
              {blocker.status === 'resolved' && <span className="muted"> (since resolved)</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
