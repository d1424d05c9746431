import type { WeeklyUpdate } from '@liftoff/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePilotBlockers } from '../api/blockers';
import { isApiError } from '../api/http';
import { usePilotKpis } from '../api/kpis';
import { usePilot } from '../api/pilots';
import { useEditUpdate, usePilotUpdates, useUpdate } from '../api/updates';
import { canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';
import { FormProblem } from '../components/form/form-errors';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import type { PilotPageState } from '../pilot/PilotPage';
import { toEditRequest, valuesFromUpdate } from './edit-update-model';
import { discardDrafts } from './update-draft';
import { FORM_ERROR_KEY, mapServerFieldErrors, type FormErrors, type UpdateFormValues } from './update-form-model';
import { WeeklyUpdateForm } from './WeeklyUpdateForm';

/** Its lead or the program office corrects a posted weekly update; the week stays, the rest can change. */
export default function EditUpdatePage() {
  const { id = '', updateId = '' } = useParams();
  const navigate = useNavigate();
  const pilot = usePilot(id);
  const update = useUpdate(updateId);
  const kpis = usePilotKpis(id);
  const blockers = usePilotBlockers(id);
  const recent = usePilotUpdates(id, 1, 10);
  const editUpdate = useEditUpdate();
  const session = useSession();
  const today = useMemo(() => new Date(), []);
  const [stale, setStale] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  useDocumentTitle(update.data ? `Edit update ${update.data.week}` : 'Edit update');

  const pilotPath = `/pilots/${id}`;
  const draftScope = session.data ? { userId: session.data.id, pilotId: id, updateId } : undefined;

  async function submit(values: UpdateFormValues, version?: number): Promise<FormErrors | void> {
    const { body, fieldMap } = toEditRequest(values, version ?? update.data!.version);
    let saved: WeeklyUpdate;
    setStale(null);
    try {
      saved = await editUpdate.mutateAsync({ id: updateId, body });
    } catch (error) {
      if (isApiError(error) && error.staleEdit) {
        setStale(error);
        return {};
      }
      if (isApiError(error) && error.fieldErrors.length > 0) return mapServerFieldErrors(error.fieldErrors, fieldMap);
      return { [FORM_ERROR_KEY]: [error instanceof Error ? error.message : 'The update could not be saved.'] };
    }
    const newFlags = saved.analysis?.newFlags ?? [];
    const state: PilotPageState = {
      notice: `Update for ${saved.week} saved.`,
      newFlags: newFlags.map((flag) => ({ kind: flag.kind, summary: flag.summary })),
    };
    navigate(pilotPath, { state });
  }

  /** Starts over from the update as it is stored now; the draft built on the old one goes. */
  function reload() {
    if (draftScope) discardDrafts(draftScope);
    setStale(null);
    void Promise.all([update.refetch(), blockers.refetch()]).then(() => setReloads((n) => n + 1));
  }

  const queries = [pilot, update, kpis, blockers];
  if (queries.some((query) => query.isPending) || session.isPending) return <LoadingState label="Preparing the form…" />;
  const failed = queries.find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} title="Could not prepare the update form" />;
  const current = update.data!;
  if (current.pilotId !== id) return <EmptyState title="This update belongs to another pilot" />;

  if (!canWorkOnPilot(session.data, pilot.data!)) {
    return (
      <EmptyState title="You can’t edit this pilot’s updates">
        Weekly updates are corrected by the pilot’s lead ({pilot.data!.lead.name}) or the program office. <Link to={pilotPath}>Back to {pilot.data!.name}</Link>
      </EmptyState>
    );
  }

  return (
    <div className="narrow-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/pilots">Pilots</Link> <span aria-hidden="true">/</span> <Link to={pilotPath}>{pilot.data!.name}</Link>{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">Edit update {current.week}</span>
      </nav>
      <PageHeader title={`Weekly update ${current.week}`} subtitle={`${pilot.data!.name} · posted by ${current.author.name}`} />
      <WeeklyUpdateForm
        // A reload brings a new version: start the form over from what is stored.
        key={`${current.version}-${reloads}`}
        mode="edit"
        pilot={pilot.data!}
        kpis={kpis.data!}
        openBlockers={[]}
        initialValues={valuesFromUpdate(current, blockers.data!)}
        version={current.version}
        defaultWeek={current.week}
        today={today}
        draftScope={draftScope}
        recentUpdates={recent.data?.items}
        problem={<FormProblem error={stale} shownFields={[]} onReload={reload} subject="This update" />}
        onSubmit={submit}
        onCancel={() => navigate(pilotPath)}
      />
    </div>
  );
}
