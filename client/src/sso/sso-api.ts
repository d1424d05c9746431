import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignInOptions, SsoSettings, UpdateSsoSettingsRequest } from '@liftoff/shared';
import { apiRequest } from '../api/http';

export const ssoKeys = {
  signInOptions: ['sso', 'sign-in-options'] as const,
  settings: ['sso', 'settings'] as const,
};

/** Asked before anyone is signed in: whether to offer company sign-in and the password form. */
export function useSignInOptions() {
  return useQuery<SignInOptions>({ queryKey: ssoKeys.signInOptions, queryFn: ({ signal }) => apiRequest<SignInOptions>('/auth/sign-in-options', { signal }), staleTime: 60_000 });
}

export function useSsoSettings(enabled: boolean) {
  return useQuery<SsoSettings>({ queryKey: ssoKeys.settings, queryFn: ({ signal }) => apiRequest<SsoSettings>('/settings/sso', { signal }), enabled });
}

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSsoSettingsRequest) => apiRequest<SsoSettings>('/settings/sso', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(ssoKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ssoKeys.signInOptions });
    },
  });
}

/** The address that starts company sign-in and comes back to `next` (a path on this site). */
export function ssoStartUrl(startUrl: string, next: string | null): string {
  return next ? `${startUrl}?returnTo=${encodeURIComponent(next)}` : startUrl;
}
