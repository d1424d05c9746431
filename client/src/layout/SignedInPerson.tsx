import { Link, useNavigate } from 'react-router-dom';
import { ROLE_LABELS, useSession, useSignOut } from '../auth/session';

/** Who is signed in (a link to their account page), in which role, and the way out. */
export function SignedInPerson() {
  const { data: user } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <div className="signed-in">
      <Link to="/account" className="signed-in-name" title="Your account: password, API tokens, sessions">
        {user.name}
      </Link>
      <span className="signed-in-role">{ROLE_LABELS[user.role]}</span>
      <button type="button" className="button button-small" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}>
        Sign out
      </button>
    </div>
  );
}
