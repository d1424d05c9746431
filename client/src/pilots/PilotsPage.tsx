import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { usePilots } from '../api/pilots';
import { canWorkOnPilot } from '../auth/permissions';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { plural } from '../format/numbers';
import { DueUpdatesCard } from '../reminders/DueUpdatesCard';
import { useDueUpdates } from '../reminders/reminder-api';
import { hasFilters, nextSort, toPilotListParams, type PilotListView } from './pilot-list-view';
import { PilotFilters } from './PilotFilters';
import { PilotsTable } from './PilotsTable';
import { ExportLinks } from '../exports/ExportLinks';
import { usePilotListView } from './use-pilot-list-view';

/** "My pilots" when the list is narrowed to the signed-in lead, "Pilots I sponsor" for an executive. */
function pageTitle(view: PilotListView, userId: string | undefined): string {
  if (userId && view.leadId === userId) return 'My pilots';
  if (userId && view.sponsorId === userId) return 'Pilots I sponsor';
  return 'Pilots';
}

export default function PilotsPage() {
  const [view, updateView] = usePilotListView();
  const params = useMemo(() => toPilotListParams(view), [view]);
  const pilots = usePilots(params);
  const today = useMemo(() => new Date(), []);
  const { data: user } = useSession();
  const title = pageTitle(view, user?.id);
  const mine = title === 'My pilots';
  // Due as the weekly reminder counts it: the lead's own week (their time zone) and the stages that take updates.
  const dueUpdates = useDueUpdates(mine);
  const dueIds = useMemo(() => (dueUpdates.data ? new Set(dueUpdates.data.items.map((item) => item.pilotId)) : undefined), [dueUpdates.data]);
  useDocumentTitle(title);

  return (
    <>
      <PageHeader
        title={title}
        subtitle={pilots.data ? plural(pilots.data.total, 'pilot') : undefined}
        actions={
          <>
            {/* The pilots file is the import's format: the program office's, as the import is. */}
            {canAdminister(user) && <ExportLinks list="pilots" label="pilots" query={{ ...params }} />}
            {/* Importing is occasional setup work: it lives beside the pilots, not in the main navigation. */}
            {canAdminister(user) && (
              <Link className="button" to="/imports">
                Import
              </Link>
            )}
            {title !== 'Pilots' ? (
              <Link className="button" to="/pilots">
                All pilots
              </Link>
            ) : user?.role === 'pilot_lead' ? (
              <Link className="button" to={`/pilots?leadId=${encodeURIComponent(user.id)}`}>
                My pilots
              </Link>
            ) : canAdminister(user) ? (
              <Link className="button button-primary" to="/pilots/new">
                New pilot
              </Link>
            ) : undefined}
          </>
        }
      />
      {mine && user && <DueUpdatesCard role={user.role} />}
      <PilotFilters view={view} onChange={updateView} />
      <section className="card card-flush" aria-label="Pilots" aria-busy={pilots.isFetching}>
        {pilots.isPending ? (
          <LoadingState label="Loading pilots…" />
        ) : pilots.isError ? (
          <ErrorState error={pilots.error} onRetry={() => pilots.refetch()} title="Could not load pilots" />
        ) : pilots.data.items.length === 0 && pilots.data.total > 0 ? (
          // A shared link can outlive the data: offer the first page instead of a false "no pilots".
          <EmptyState title={`Page ${view.page} is past the last page`}>
            <button type="button" className="button" onClick={() => updateView({ page: undefined })}>
              Go to the first page
            </button>
          </EmptyState>
        ) : pilots.data.items.length === 0 ? (
          <EmptyState title={mine ? 'You lead no pilots yet' : hasFilters(view) ? 'No pilots match these filters' : 'No pilots yet'}>
            {hasFilters(view) ? <Link to="/pilots">Show all pilots</Link> : 'Pilots appear here once the program office registers them.'}
          </EmptyState>
        ) : (
          <>
            <PilotsTable
              pilots={pilots.data.items}
              view={view}
              today={today}
              stale={pilots.isPlaceholderData}
              onSort={(field) => updateView(nextSort(view, field))}
              dueIds={mine ? dueIds : undefined}
              canPost={(pilot) => canWorkOnPilot(user, pilot)}
            />
            <Pagination
              page={pilots.data.page}
              pageSize={pilots.data.pageSize}
              total={pilots.data.total}
              noun="pilots"
              onPageChange={(page) => updateView({ page: String(page) })}
            />
          </>
        )}
      </section>
    </>
  );
}
