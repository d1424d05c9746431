import { Link, useNavigate, useParams } from 'react-router-dom';
import { canAdminister, canWorkOnPilot } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import type { PilotPageState } from '../pilot/PilotPage';
import { PilotForm } from './PilotForm';
import { pilotToForm, toUpdatePilotRequest } from './pilot-form-model';
import { usePilot, useUpdatePilot } from './pilot-form-queries';

/** Its lead or the program office corrects a pilot's details; only what changed is sent. */
export default function EditPilotPage() {
  const { id = '' } = useParams();
  const pilot = usePilot(id);
  const update = useUpdatePilot(id);
  const { data: user } = useSession();
  const navigate = useNavigate();
  useDocumentTitle(pilot.data ? `Edit ${pilot.data.name}` : 'Edit pilot');

  if (pilot.isPending) return <LoadingState label="Loading pilot…" />;
  if (pilot.isError) return <ErrorState error={pilot.error} onRetry={() => pilot.refetch()} title="Could not load this pilot" />;
  const back = `/pilots/${id}`;
  if (!canWorkOnPilot(user, pilot.data)) {
    return (
      <>
        <PageHeader title={`Edit ${pilot.data.name}`} />
        <p role="alert">Only its lead or the program office edits this pilot.</p>
        <Link to={back}>Back to the pilot</Link>
      </>
    );
  }
  const initial = pilotToForm(pilot.data);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/pilots">Pilots</Link> <span aria-hidden="true">/</span> <Link to={back}>{pilot.data.name}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Edit</span>
      </nav>
      <PageHeader title={`Edit ${pilot.data.name}`} subtitle="Stage moves are made from the pilot's page, each with its reason." />
      <PilotForm
        // A reload brings a new version: start the form over from what is stored.
        key={pilot.data.version}
        mode="edit"
        initial={initial}
        mayAssignPeople={canAdminister(user)}
        current={{ lead: pilot.data.lead, sponsor: pilot.data.sponsor }}
        pending={update.isPending}
        error={update.error}
        onReload={() => {
          update.reset();
          void pilot.refetch();
        }}
        onCancel={() => navigate(back)}
        onSubmit={(values) =>
          update.mutate(toUpdatePilotRequest(initial, values, pilot.data.version), {
            onSuccess: () => navigate(back, { state: { notice: 'Saved the pilot’s details.' } satisfies PilotPageState }),
          })
        }
      />
    </>
  );
}
