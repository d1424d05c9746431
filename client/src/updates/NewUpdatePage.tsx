import type { WeeklyUpdate } from '@liftoff/shared';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isoWeekOf } from '@liftoff/shared';
import { usePilotBlockers } from '../api/blockers';
import { isApiError } from '../api/http';
import { usePilotKpis } from '../api/kpis';
import { usePilot } from '../api/pilots';
import { pilotOffers } from '../auth/permissions';
import { useSession } from '../auth/session';
import { useCreateUpdate, useInvalidateAfterUpdate } from '../api/updates';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import type { PilotPageState } from '../pilot/PilotPage';
import { FORM_ERROR_KEY, mapServerFieldErrors, toCreateRequest, type FormErrors, type UpdateFormValues } from './update-form-model';
import { WeeklyUpdateForm } from './WeeklyUpdateForm';

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
  useDocumentTitle(pilot.data ? `Weekly update · ${pilot.data.name}` : 'Weekly update');

  const pilotPath = `/pilots/${id}`;

  async function submit(values: UpdateFormValues): Promise<FormErrors | void> {
    const { body, fieldMap } = toCreateRequest(values);
    let created: WeeklyUpdate;
    try {
      created = await createUpdate.mutateAsync(body);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) return mapServerFieldErrors(error.fieldErrors, fieldMap);
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
        defaultWeek={isoWeekOf(today)}
        today={today}
        onSubmit={submit}
        onCancel={() => navigate(pilotPath)}
      />
    </div>
  );
}
