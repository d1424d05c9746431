import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalysisSettings, SavedAnalysisSettings, UpdateAnalysisSettingsRequest } from '@liftoff/shared';
import { api } from './http';

export const settingsKey = ['settings'] as const;

export function useAnalysisSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: ({ signal }) => api.get<AnalysisSettings>('/settings', undefined, signal) });
}

/** Saving thresholds changes every flag and recommendation: everything cached is refreshed. */
export function useSaveAnalysisSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAnalysisSettingsRequest) => api.patch<SavedAnalysisSettings>('/settings', body),
    onSuccess: async ({ reassessed: _reassessed, ...saved }) => {
      queryClient.setQueryData<AnalysisSettings>(settingsKey, saved);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== settingsKey[0] });
    },
  });
}
