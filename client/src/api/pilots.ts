import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeStageRequest, Page, Pilot, PilotListQuery, StageChange, UpdatePilotRequest } from '@liftoff/shared';
import { api } from './http';
import { pilotKeys } from './query-keys';

export function fetchPilots(params: PilotListQuery, signal?: AbortSignal): Promise<Page<Pilot>> {
  return api.get<Page<Pilot>>('/pilots', { ...params }, signal);
}

export function usePilots(params: PilotListQuery) {
  return useQuery({
    queryKey: pilotKeys.list(params),
    queryFn: ({ signal }) => fetchPilots(params, signal),
    // Keep the current rows on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function usePilot(id: string) {
  return useQuery({
    queryKey: pilotKeys.detail(id),
    queryFn: ({ signal }) => api.get<Pilot>(`/pilots/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useStageChanges(id: string) {
  return useQuery({
    queryKey: pilotKeys.stageChanges(id),
    queryFn: ({ signal }) => api.get<StageChange[]>(`/pilots/${encodeURIComponent(id)}/stage-changes`, undefined, signal),
  });
}

export function useUpdatePilot(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePilotRequest) => api.patch<Pilot>(`/pilots/${encodeURIComponent(id)}`, body),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}

export function useChangeStage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeStageRequest) => api.post<Pilot>(`/pilots/${encodeURIComponent(id)}/stage`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.all }),
  });
}
