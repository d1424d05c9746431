import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptAccountLinkRequest, AccountLinkInspection, SessionUser } from '@liftoff/shared';
import { api } from '../api/http';
import { sessionKey } from './session';

export const accountLinkKeys = {
  inspection: (token: string) => ['account-link', token] as const,
};

/** The token travels in a POST body, never in a URL the server would log. */
export function useAccountLink(token: string | null) {
  return useQuery({
    queryKey: accountLinkKeys.inspection(token ?? ''),
    queryFn: () => api.post<AccountLinkInspection>('/auth/links/inspect', { token }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });
}

export function useAcceptAccountLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptAccountLinkRequest) => api.post<SessionUser>('/auth/links/accept', body),
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, user);
    },
  });
}

/** `#token=…` from the link's address (the fragment never reaches a server). */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token ? token : null;
}
