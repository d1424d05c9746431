import { ErrorState, LoadingState } from '../components/QueryStates';
import { formatDate } from '../format/dates';
import { useEndSession, useMySessions } from './account-api';

/** Where I am signed in; any other session can be ended from here. */
export function SessionsSection() {
  const sessions = useMySessions();
  const end = useEndSession();
  return (
    <section className="card account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="card-title">
        Active sessions
      </h2>
      <p className="card-description">Every browser signed in as you. Ending one signs it out on its next request.</p>
      {sessions.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <p className="muted">No sessions (you are using an API token).</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your active sessions</caption>
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((session) => (
                <tr key={session.id}>
                  <th scope="row">
                    {session.userAgent ?? 'Unknown browser'}
                    {session.current && <span className="badge badge-done account-current">This browser</span>}
                  </th>
                  <td>{formatDate(session.createdAt)}</td>
                  <td>{formatDate(session.lastSeenAt)}</td>
                  <td>{formatDate(session.expiresAt)}</td>
                  <td>
                    {!session.current && (
                      <button type="button" className="button button-small" disabled={end.isPending} onClick={() => end.mutate(session.id)}>
                        End session
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
