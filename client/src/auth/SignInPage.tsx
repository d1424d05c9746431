import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { DEMO_ACCOUNTS, SSO_REFUSAL_TEXT, SSO_REFUSALS, type SsoRefusal } from '@liftoff/shared';
import { ssoStartUrl, useSignInOptions } from '../sso/sso-api';
import { useApiHealth } from '../api/health';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { useDocumentTitle } from '../components/use-document-title';
import { homeFor, ROLE_LABELS, useSession, useSignIn } from './session';

/** Only same-site paths are followed after sign-in, never an address someone put in the link. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const options = useSignInOptions().data;
  const refusal = params.get('sso');
  const refusalText = refusal && (SSO_REFUSALS as readonly string[]).includes(refusal) ? SSO_REFUSAL_TEXT[refusal as SsoRefusal] : null;
  // Passwords off: the form stays reachable, folded away, for the break-glass account.
  const passwordsFolded = options?.sso && !options.passwordSignIn;
  // The embedded database is the demo: say how to get in. Never shown against a real database.
  const demo = useApiHealth().data?.database === 'embedded';

  if (session.data) return <Navigate to={next ?? homeFor(session.data)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: (user) => navigate(next ?? homeFor(user), { replace: true }) });
  };
  const error = signIn.error;
  const fieldErrors = (name: string) => (isApiError(error) ? error.fieldErrors.find((e) => e.field === name)?.messages : undefined);

  const passwordFields = (
    <>
      <Field id="sign-in-email" label="Email" errors={fieldErrors('email')}>
        {(props) => <input {...props} className="input" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />}
      </Field>
      <Field id="sign-in-password" label="Password" errors={fieldErrors('password')}>
        {(props) => <input {...props} className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
      </Field>
      <button className="button button-primary" type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </>
  );

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <p className="brand sign-in-brand">
          <span className="brand-mark" aria-hidden="true">▲</span> Liftoff
        </p>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Track every AI pilot, see which are stuck, and decide what to scale.</p>
        {error && !fieldErrors('email') && !fieldErrors('password') && (
          <p className="form-error" role="alert">
            {isApiError(error) && error.status === 429 ? 'Too many attempts. Wait a minute and try again.' : error.message}
          </p>
        )}
        {refusalText && (
          <p className="form-error" role="alert">
            {refusalText}
          </p>
        )}
        {/* Without a page to return to, back here: signed in, this page sends each role to its home. */}
        {options?.sso && (
          <a className="button button-primary sign-in-sso" href={ssoStartUrl(options.sso.startUrl, next ?? '/sign-in')}>
            Sign in with {options.sso.providerName}
          </a>
        )}
        {passwordsFolded ? (
          <details className="sign-in-break-glass">
            <summary>Break-glass sign-in with a password</summary>
            {passwordFields}
          </details>
        ) : (
          passwordFields
        )}
        <p className="muted">New here or forgot your password? Ask your program office for an invite or a reset link.</p>
        {demo && (
          <div className="sign-in-demo">
            Demo accounts (password shown):
            <ul>
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.email}>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => {
                      setEmail(account.email);
                      setPassword(account.password);
                    }}
                  >
                    {ROLE_LABELS[account.role]}
                  </button>
                  : {account.email} / {account.password}
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </main>
  );
}
