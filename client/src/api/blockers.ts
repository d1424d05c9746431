import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Blocker, BlockerListQuery, BlockerStatus, Page, PortfolioBlocker, ResolveBlockerRequest } from '@liftoff/shared';
import { api } from './http';
import { pilotKeys } from './query-keys';

export const blockerKeys = {
  all: ['blockers'] as const,
  portfolio: (query: BlockerListQuery) => [...blockerKeys.all, 'portfolio', query] as const,
};

export function usePilotBlockers(pilotId: string, status?: BlockerStatus) {
  return useQuery({
    queryKey: pilotKeys.blockers(pilotId, status),
    queryFn: ({ signal }) => api.get<Blocker[]>(`/pilots/${encodeURIComponent(pilotId)}/blockers`, { status }, signal),
  });
}

/** Every pilot's blockers, open first and then the longest standing; filtered and paged by the server. */
export function usePortfolioBlockers(query: BlockerListQuery) {
  return useQuery({
    queryKey: blockerKeys.portfolio(query),
    queryFn: ({ signal }) => api.get<Page<PortfolioBlocker>>('/blockers', { ...query }, signal),
    placeholderData: keepPreviousData,
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
    onSuccess: (blocker) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pilotKeys.detail(blocker.pilotId) }),
        queryClient.invalidateQueries({ queryKey: blockerKeys.all }),
      ]),
  });
}
