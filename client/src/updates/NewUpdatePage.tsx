import type { Page, WeeklyUpdate } from '@liftoff/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { localIsoWeekOf } from '@liftoff/shared';
import { usePilotBlockers } from '../api/blockers';
import { api, isApiError } from '../api/http';
import { usePilotKpis } from '../api/kpis';
import { usePilot } from '../api/pilots';
import { pilotOffers } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useCreateUpdate, useInvalidateAfterUpdate, usePilotUpdates } from '../api/updates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import type { PilotPageState } from '../pilot/PilotPage';
import { FORM_ERROR_KEY, mapServerFieldErrors, toCreateRequest, type FormErrors, type UpdateFormValues } from './update-form-model';
import { WeeklyUpdateForm } from './WeeklyUpdateForm';

/** Enough to cover every week the form offers (one update a week at most). */
const RECENT_UPDATES = 10;

export default function NewUpdatePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const pilot = usePilot(id);
  const kpis = usePilotKpis(id);
  const openBlockers = usePilotBlockers(id, 'open');
  const createUpdate = useCreateUpdate(id);
  const invalidate = useInvalidateAfterUpdate();
  const today = useMemo(() => new Date(), []);
  const session = useSession();
  // The latest updates: last week's values beside the fields, and the weeks already posted (not needed to start).
  const recent = usePilotUpdates(id, 1, RECENT_UPDATES);
  const [duplicate, setDuplicate] = useState<{ week: string; message: string; editPath?: string } | null>(null);
  useDocumentTitle(pilot.data ? `Weekly update · ${pilot.data.name}` : 'Weekly update');

  const pilotPath = `/pilots/${id}`;
  const editPath = (update: WeeklyUpdate) => `${pilotPath}/updates/${update.id}/edit`;
  const editPathFor = (week: string) => {
    const posted = recent.data?.items.find((update) => update.week === week);
    return posted && editPath(posted);
  };

  /** The update already posted for `week` (by someone else, or in another tab), to offer editing it. */
  async function findPosted(week: string): Promise<string | undefined> {
    try {
      const latest = await api.get<Page<WeeklyUpdate>>(`/pilots/${encodeURIComponent(id)}/updates`, { page: 1, pageSize: RECENT_UPDATES });
      const posted = latest.items.find((update) => update.week === week);
      return posted && editPath(posted);
    } catch {
      return undefined;
    }
  }

  async function submit(values: UpdateFormValues): Promise<FormErrors | void> {
    const { body, fieldMap } = toCreateRequest(values);
    let created: WeeklyUpdate;
    setDuplicate(null);
    try {
      created = await createUpdate.mutateAsync(body);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) return mapServerFieldErrors(error.fieldErrors, fieldMap);
      if (isApiError(error) && error.status === 409 && /already has an update/.test(error.message)) {
        // Only one update per week: offer to edit the one already there.
        setDuplicate({ week: body.week, message: error.message, editPath: await findPosted(body.week) });
        void recent.refetch();
        return { week: ['Choose another week, or edit the update already posted for this one'] };
      }
      return { [FORM_ERROR_KEY]: [error instanceof Error ? error.message : 'The update could not be saved.'] };
    }
    void invalidate(id);
    const newFlags = created.analysis?.newFlags ?? [];
    const resolved = body.resolvedBlockers?.length ?? 0;
    const state: PilotPageState = {
      notice: `Update for ${body.week} posted${resolved ? ` and ${resolved === 1 ? 'one blocker' : `${resolved} blockers`} marked resolved` : ''}.`,
      newFlags: newFlags.map((flag) => ({ kind: flag.kind, summary: flag.summary })),
    };
    navigate(pilotPath, { state });
  }

  if (pilot.isPending || kpis.isPending || openBlockers.isPending || session.isPending) return <LoadingState label="Preparing the form…" />;
  const failed = [pilot, kpis, openBlockers].find((query) => query.isError);
  if (failed) {
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} title="Could not prepare the update form" />;
  }

  if (!pilotOffers(session.data, pilot.data!).postUpdate) {
    // Reached by a typed or shared link: say why instead of offering a form the server would refuse.
    return (
      <EmptyState title="You can’t post updates for this pilot">
        Weekly updates are posted by the pilot’s lead ({pilot.data!.lead.name}) or the program office, while the pilot is proposed, piloting or
        scaling. <Link to={pilotPath}>Back to {pilot.data!.name}</Link>
      </EmptyState>
    );
  }

  return (
    <div className="narrow-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/pilots">Pilots</Link> <span aria-hidden="true">/</span> <Link to={pilotPath}>{pilot.data!.name}</Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">New update</span>
      </nav>
      <PageHeader title="Weekly update" subtitle={pilot.data!.name} />
      <WeeklyUpdateForm
        pilot={pilot.data!}
        kpis={kpis.data!}
        openBlockers={openBlockers.data!}
        defaultWeek={localIsoWeekOf(today)}
        today={today}
        draftScope={session.data ? { userId: session.data.id, pilotId: id } : undefined}
        recentUpdates={recent.data?.items}
        editPathFor={editPathFor}
        alertFor={(week) =>
          duplicate?.week === week && (
            <p>
              {duplicate.message}.{' '}
              {duplicate.editPath ? <Link to={duplicate.editPath}>Edit the update for that week</Link> : <Link to={pilotPath}>Find it on the pilot page</Link>}
            </p>
          )
        }
        onSubmit={submit}
        onCancel={() => navigate(pilotPath)}
      />
    </div>
  );
}
