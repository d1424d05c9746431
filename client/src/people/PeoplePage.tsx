import { useState } from 'react';
import type { IssuedAccountLink, Person, PersonListQuery } from '@liftoff/shared';
import { useBusinessUnits } from '../api/business-units';
import { useSession } from '../auth/session';
import { FormDialog } from '../components/Dialog';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { LinkDialog } from './LinkDialog';
import {
  useDeactivatePerson,
  useInvitePerson,
  useIssueReset,
  usePeopleAdmin,
  useReactivatePerson,
  useResendInvite,
  useRevokeLinks,
  useUpdatePerson,
} from './people-api';
import { PersonFormDialog, type PersonFormValues } from './PersonFormDialog';
import { PersonRow, type PersonAction } from './PersonRow';

const PAGE_SIZE = 50;
type Shown = 'active' | 'deactivated' | 'all';
const ACTIVE_FILTER: Record<Shown, boolean | undefined> = { active: true, deactivated: false, all: undefined };

/** Open dialog: the invite form, an edit, a just-issued link (shown once) or the deactivation check. */
type Dialog = { kind: 'invite' } | { kind: 'edit'; person: Person } | { kind: 'link'; link: IssuedAccountLink; person: Person } | { kind: 'deactivate'; person: Person } | null;

/** The program office's list of people: invite, links, role and unit, deactivation. */
export default function PeoplePage() {
  useDocumentTitle('People');
  const { data: me } = useSession();
  const [shown, setShown] = useState<Shown>('active');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query: PersonListQuery = { page, pageSize: PAGE_SIZE, active: ACTIVE_FILTER[shown] };
  const people = usePeopleAdmin(query);
  const units = useBusinessUnits();
  const invite = useInvitePerson();
  const update = useUpdatePerson();
  const resend = useResendInvite();
  const reset = useIssueReset();
  const withdraw = useRevokeLinks();
  const deactivate = useDeactivatePerson();
  const reactivate = useReactivatePerson();
  const busy = [resend, reset, withdraw, deactivate, reactivate].some((m) => m.isPending);
  const actionError = [resend, reset, withdraw, deactivate, reactivate].find((m) => m.error)?.error;
  const unitName = (id: string | null) => (id ? (units.data?.find((u) => u.id === id)?.name ?? '—') : '—');

  const onAction = (action: PersonAction, person: Person) => {
    const showLink = (link: IssuedAccountLink) => setDialog({ kind: 'link', link, person });
    if (action === 'edit') setDialog({ kind: 'edit', person });
    else if (action === 'deactivate') setDialog({ kind: 'deactivate', person });
    else if (action === 'resend') resend.mutate(person.id, { onSuccess: showLink });
    else if (action === 'reset') reset.mutate(person.id, { onSuccess: showLink });
    else if (action === 'withdraw') withdraw.mutate(person.id);
    else reactivate.mutate(person.id);
  };
  const submitInvite = (values: PersonFormValues) =>
    invite.mutate(values, { onSuccess: ({ person, link }) => setDialog({ kind: 'link', link, person }) });
  const submitEdit = (person: Person) => (values: PersonFormValues) =>
    update.mutate({ id: person.id, version: person.version, ...values }, { onSuccess: () => setDialog(null) });
  const closeForm = () => {
    invite.reset();
    update.reset();
    setDialog(null);
  };

  return (
    <div className="people-page">
      <PageHeader
        title="People"
        subtitle="Who can sign in, in which role. Deactivated people cannot sign in but stay in the history."
        actions={
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'invite' })}>
            Invite a person
          </button>
        }
      />
      <div className="filters card">
        <label>
          Show
          <select
            className="input"
            value={shown}
            onChange={(e) => {
              setShown(e.target.value as Shown);
              setPage(1);
            }}
          >
            <option value="active">Active people</option>
            <option value="deactivated">Deactivated people</option>
            <option value="all">Everyone</option>
          </select>
        </label>
      </div>
      {actionError instanceof Error && (
        <p className="form-error" role="alert">
          {actionError.message}
        </p>
      )}
      {people.isPending ? (
        <LoadingState label="Loading people…" />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <EmptyState title="Nobody here" />
      ) : (
        <div className="card card-flush">
          <div className="table-wrap">
            <table className="table people-table">
              <caption className="visually-hidden">People</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Sign-in</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {people.data.items.map((person) => (
                  <PersonRow key={person.id} person={person} unitName={unitName(person.businessUnitId)} isMe={person.id === me?.id} busy={busy} onAction={onAction} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={people.data.total} onPageChange={setPage} noun="people" />
        </div>
      )}
      {dialog?.kind === 'invite' && <PersonFormDialog pending={invite.isPending} error={invite.error} onSubmit={submitInvite} onClose={closeForm} />}
      {dialog?.kind === 'edit' && <PersonFormDialog person={dialog.person} pending={update.isPending} error={update.error} onSubmit={submitEdit(dialog.person)} onClose={closeForm} />}
      {dialog?.kind === 'link' && <LinkDialog link={dialog.link} personName={dialog.person.name} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'deactivate' && (
        <FormDialog
          titleId="deactivate-title"
          title={`Deactivate ${dialog.person.name}?`}
          onClose={() => setDialog(null)}
          onSubmit={(event) => {
            event.preventDefault();
            deactivate.mutate(dialog.person.id, { onSuccess: () => setDialog(null) });
          }}
        >
          <p>They are signed out everywhere at once, their API tokens stop working and they cannot sign in. Their updates and decisions stay in the history. You can reactivate them later.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button type="submit" className="button button-danger" disabled={deactivate.isPending}>
              Deactivate
            </button>
          </div>
        </FormDialog>
      )}
    </div>
  );
}
