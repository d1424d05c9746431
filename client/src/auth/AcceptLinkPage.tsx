import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, type AccountLinkStatus } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { LoadingState } from '../components/QueryStates';
import { useDocumentTitle } from '../components/use-document-title';
import { formatDate } from '../format/dates';
import { tokenFromHash, useAcceptAccountLink, useAccountLink } from './account-link-api';
import { homeFor } from './session';

const UNUSABLE: Record<Exclude<AccountLinkStatus, 'valid'>, string> = {
  expired: 'This link has expired. Ask the program office for a new one.',
  used: 'This link has already been used. Sign in with your password, or ask the program office for a new link.',
  revoked: 'This link was withdrawn. Ask the program office for a new one.',
};

/** Where an invite or a password-reset link lands: the person chooses a password and is signed in. */
export default function AcceptLinkPage() {
  useDocumentTitle('Set your password');
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));
  const link = useAccountLink(token);
  const accept = useAcceptAccountLink();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (!token || password !== confirm) return;
    accept.mutate({ token, password }, { onSuccess: (user) => navigate(homeFor(user), { replace: true }) });
  };
  const passwordErrors = isApiError(accept.error) ? accept.error.fieldErrors.find((e) => e.field === 'password')?.messages : undefined;

  let body;
  if (!token) body = <p role="alert">This address has no link token. Open the whole link you were sent.</p>;
  else if (link.isPending) body = <LoadingState label="Checking your link…" />;
  else if (link.isError) body = <p role="alert">{isApiError(link.error) && link.error.status === 404 ? 'This link is not valid. Check that it was copied whole.' : link.error.message}</p>;
  else if (link.data.status !== 'valid') body = <p role="alert">{UNUSABLE[link.data.status]}</p>;
  else
    body = (
      <form onSubmit={submit} noValidate className="account-form">
        <p>
          {link.data.kind === 'invite' ? 'Welcome' : 'Hello'}, {link.data.name} ({link.data.email}). Choose a password to {link.data.kind === 'invite' ? 'finish setting up your account' : 'replace your old one'}. This link works until{' '}
          {formatDate(link.data.expiresAt)}.
        </p>
        <Field id="link-password" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`} errors={passwordErrors}>
          {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field id="link-confirm" label="New password again" errors={mismatch ? ['The two passwords differ'] : undefined}>
          {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        {accept.error && !passwordErrors && (
          <p className="form-error" role="alert">
            {isApiError(accept.error) && accept.error.status === 429 ? 'Too many attempts. Wait a minute and try again.' : accept.error.message}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={accept.isPending}>
          {accept.isPending ? 'Saving…' : 'Set password and sign in'}
        </button>
      </form>
    );

  return (
    <main className="sign-in">
      <div className="card sign-in-card">
        <p className="brand sign-in-brand">
          <span className="brand-mark" aria-hidden="true">▲</span> Liftoff
        </p>
        <h1>Set your password</h1>
        {body}
        <p className="muted">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </div>
    </main>
  );
}
