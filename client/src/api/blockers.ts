import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Blocker, BlockerStatus, ResolveBlockerRequest } from '@liftoff/shared';
import { api } from './http';
import { pilotKeys } from './query-keys';

export function usePilotBlockers(pilotId: string, status?: BlockerStatus) {
  return useQuery({
    queryKey: pilotKeys.blockers(pilotId, status),
    queryFn: ({ signal }) => api.get<Blocker[]>(`/pilots/${encodeURIComponent(pilotId)}/blockers`, { status }, signal),
  });
}

export function resolveBlocker(blockerId: string, body: ResolveBlockerRequest): Promise<Blocker> {
  return api.post<Blocker>(`/blockers/${encodeURIComponent(blockerId)}/resolve`, body);
}

export function useResolveBlocker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ blocker, note }: { blocker: Blocker; note?: string }) =>
      resolveBlocker(blocker.id, { version: blocker.version, note }),
    onSuccess: (blocker) => queryClient.invalidateQueries({ queryKey: pilotKeys.detail(blocker.pilotId) }),
  });
}
