import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePilotRequest, Pilot } from '@liftoff/shared';
import { api } from '../api/http';
import { pilotKeys } from '../api/query-keys';

export { usePilot, useUpdatePilot } from '../api/pilots';

export function useCreatePilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePilotRequest) => api.post<Pilot>('/pilots', body),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}

export function useDeletePilot(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/pilots/${encodeURIComponent(id)}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: pilotKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}
