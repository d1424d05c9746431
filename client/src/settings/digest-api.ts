import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestPreview, DigestSettings, UpdateDigestSettingsRequest } from '@liftoff/shared';
import { apiRequest } from '../api/http';

export const digestKeys = {
  settings: ['digest', 'settings'] as const,
  preview: ['digest', 'preview'] as const,
};

export function useDigestSettings() {
  return useQuery<DigestSettings>({ queryKey: digestKeys.settings, queryFn: ({ signal }) => apiRequest<DigestSettings>('/settings/digest', { signal }) });
}

export function useSaveDigestSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDigestSettingsRequest) => apiRequest<DigestSettings>('/settings/digest', { method: 'PATCH', body }),
    onSuccess: (saved) => queryClient.setQueryData(digestKeys.settings, saved),
  });
}

/** Asked only while the preview is open: it reads the whole week of the portfolio. */
export function useDigestPreview(enabled: boolean) {
  return useQuery<DigestPreview>({ queryKey: digestKeys.preview, queryFn: ({ signal }) => apiRequest<DigestPreview>('/digest/preview', { signal }), enabled, staleTime: 0 });
}
