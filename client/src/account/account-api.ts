import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenView, ChangePasswordRequest, CreateApiTokenRequest, CreatedApiToken, NotificationSettings, SessionView, UpdateNotificationSettingsRequest } from '@liftoff/shared';
import { api, apiRequest } from '../api/http';

export const accountKeys = {
  all: ['account'] as const,
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
  notifications: ['account', 'notifications'] as const,
};

export function useMySessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: ({ signal }) => api.get<SessionView[]>('/auth/sessions', undefined, signal) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useMyTokens() {
  return useQuery({ queryKey: accountKeys.tokens, queryFn: ({ signal }) => api.get<ApiTokenView[]>('/auth/tokens', undefined, signal) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenRequest) => api.post<CreatedApiToken>('/auth/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<ApiTokenView>(`/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

/** The server ends every other session and revokes every token; this browser gets a fresh session. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<void>('/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useMyNotificationSettings() {
  return useQuery({ queryKey: accountKeys.notifications, queryFn: ({ signal }) => api.get<NotificationSettings>('/account/notifications', undefined, signal) });
}

/** Saves every switch and the time zone; the answer (with its new version) replaces what the page shows. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) => api.put<NotificationSettings>('/account/notifications', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.notifications, saved);
      // People lists show time zones.
      return queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
