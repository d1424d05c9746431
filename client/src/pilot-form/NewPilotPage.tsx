import { Link, useNavigate } from 'react-router-dom';
import { canAdminister } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PageHeader } from '../components/PageHeader';
import { useDocumentTitle } from '../components/use-document-title';
import type { PilotPageState } from '../pilot/PilotPage';
import { PilotForm } from './PilotForm';
import { EMPTY_PILOT_FORM, toCreatePilotRequest } from './pilot-form-model';
import { useCreatePilot } from './pilot-form-queries';

/** The program office enters a pilot, including one that was underway before Liftoff. */
export default function NewPilotPage() {
  useDocumentTitle('New pilot');
  const { data: user } = useSession();
  const navigate = useNavigate();
  const create = useCreatePilot();
  if (!canAdminister(user)) {
    return (
      <>
        <PageHeader title="New pilot" />
        <p role="alert">Only the program office enters new pilots.</p>
        <Link to="/pilots">Back to all pilots</Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title="New pilot" subtitle="Add its KPIs on the pilot's page once it is created." />
      <PilotForm
        mode="create"
        initial={EMPTY_PILOT_FORM}
        mayAssignPeople
        pending={create.isPending}
        error={create.error}
        onReload={() => create.reset()}
        onCancel={() => navigate('/pilots')}
        onSubmit={(values) =>
          create.mutate(toCreatePilotRequest(values), {
            onSuccess: (pilot) => navigate(`/pilots/${pilot.id}`, { state: { notice: `Created ${pilot.name}. Add its KPIs below.` } satisfies PilotPageState }),
          })
        }
      />
    </>
  );
}
