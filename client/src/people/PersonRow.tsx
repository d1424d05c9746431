import type { Person } from '@liftoff/shared';
import { ROLE_LABELS } from '../auth/session';
import { formatDate } from '../format/dates';

export type PersonAction = 'edit' | 'resend' | 'reset' | 'withdraw' | 'deactivate' | 'reactivate';

/** Where a person stands with signing in, in words. */
export function accountStatus(person: Person): string {
  if (!person.active) return `Deactivated ${formatDate(person.deactivatedAt)}`;
  if (person.pendingLink?.kind === 'invite') return `Invited, link valid until ${formatDate(person.pendingLink.expiresAt)}`;
  if (person.pendingLink?.kind === 'reset') return `Reset link valid until ${formatDate(person.pendingLink.expiresAt)}`;
  return person.hasPassword ? 'Can sign in' : 'Not invited yet';
}

/** The actions that make sense for this person right now. */
export function actionsFor(person: Person, isMe: boolean): PersonAction[] {
  if (!person.active) return ['edit', 'reactivate'];
  const actions: PersonAction[] = ['edit', person.hasPassword ? 'reset' : 'resend'];
  if (person.pendingLink) actions.push('withdraw');
  if (!isMe) actions.push('deactivate');
  return actions;
}

const LABELS: Record<PersonAction, string> = {
  edit: 'Edit',
  resend: 'Send invite link',
  reset: 'Reset-password link',
  withdraw: 'Withdraw link',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
};

interface PersonRowProps {
  person: Person;
  unitName: string;
  isMe: boolean;
  busy: boolean;
  onAction: (action: PersonAction, person: Person) => void;
}

export function PersonRow({ person, unitName, isMe, busy, onAction }: PersonRowProps) {
  return (
    <tr className={person.active ? undefined : 'is-inactive'}>
      <th scope="row">
        {person.name}
        <span className="cell-sub">{person.email}</span>
      </th>
      <td>{ROLE_LABELS[person.role]}</td>
      <td>{unitName}</td>
      <td>{accountStatus(person)}</td>
      <td>
        <div className="row-actions">
          {actionsFor(person, isMe).map((action) => (
            <button
              key={action}
              type="button"
              className={`button button-small${action === 'deactivate' ? ' button-quiet' : ''}`}
              disabled={busy}
              onClick={() => onAction(action, person)}
              aria-label={`${LABELS[action]}: ${person.name}`}
            >
              {LABELS[action]}
            </button>
          ))}
        </div>
      </td>
    </tr>
  );
}
