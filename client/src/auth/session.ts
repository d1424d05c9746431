import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Role, SessionUser } from '@liftoff/shared';
import { apiRequest } from '../api/http';

export const sessionKey = ['session'] as const;

/** Who is signed in; a 401 means nobody (the query then holds an ApiError with status 401). */
export function useSession() {
  return useQuery<SessionUser | null>({ queryKey: sessionKey, queryFn: ({ signal }) => apiRequest<SessionUser>('/auth/me', { signal }), retry: false, staleTime: 5 * 60_000 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => apiRequest<SessionUser>('/auth/login', { method: 'POST', body }),
    onSuccess: (user) => {
      // A new person: nothing cached for the previous one may leak into their screens.
      queryClient.clear();
      queryClient.setQueryData(sessionKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => queryClient.clear(),
  });
}

/** Where each role starts its week. */
export function homeFor(user: { id: string; role: Role }): string {
  if (user.role === 'executive') return '/scale-queue';
  if (user.role === 'pilot_lead') return `/pilots?leadId=${encodeURIComponent(user.id)}`;
  return '/';
}

export const ROLE_LABELS: Record<Role, string> = {
  program_office: 'Program office',
  pilot_lead: 'Pilot lead',
  executive: 'Executive',
  viewer: 'Viewer',
};
