import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { useChangePassword } from './account-api';

/** Change my password: every other session and every API token ends with it. */
export function PasswordSection() {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errorsFor = (field: string) => (isApiError(change.error) ? change.error.fieldErrors.find((e) => e.field === field)?.messages : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(newPassword !== confirm);
    if (newPassword !== confirm) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirm('');
        },
      },
    );
  };
  const generalError = change.error && !errorsFor('currentPassword') && !errorsFor('newPassword');

  return (
    <section className="card account-section" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        Password
      </h2>
      <p className="card-description">Changing it signs you out everywhere else and revokes your API tokens.</p>
      <form className="account-form" onSubmit={submit} noValidate>
        <Field id="current-password" label="Current password" errors={errorsFor('currentPassword')}>
          {(props) => <input {...props} className="input" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />}
        </Field>
        <Field id="new-password" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`} errors={errorsFor('newPassword')}>
          {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />}
        </Field>
        <Field id="confirm-password" label="New password again" errors={mismatch ? ['The two new passwords differ'] : undefined}>
          {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        {generalError && (
          <p className="form-error" role="alert">
            {isApiError(change.error) && change.error.status === 429 ? 'Too many attempts. Wait a minute and try again.' : change.error?.message}
          </p>
        )}
        {change.isSuccess && (
          <p className="notice" role="status">
            Password changed. Your other sessions and API tokens have ended.
          </p>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
