import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { isApiError, onUnauthorized } from '../api/http';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { sessionKey, useSession } from './session';

/** Shows its children to signed-in people and sends everyone else to sign in, then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();

  // Any 401 from any request (an expired session) drops the cached person, which lands here.
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(sessionKey, null)), [queryClient]);

  if (session.isPending) return <LoadingState label="Checking your session…" />;
  if (session.data) return <>{children}</>;
  if (session.data === null || (isApiError(session.error) && session.error.isUnauthorized)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <ErrorState error={session.error} onRetry={() => session.refetch()} title="Could not check your session" />;
}
