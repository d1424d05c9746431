import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePackRequest, Pack, PackSummary, Page } from '@liftoff/shared';
import { api } from '../api/http';

export const packKeys = {
  all: ['packs'] as const,
  list: (page: number, pageSize: number) => ['packs', 'list', { page, pageSize }] as const,
  detail: (id: string) => ['packs', 'detail', id] as const,
};

/** Packs, newest first. */
export function usePacks(page: number, pageSize: number) {
  return useQuery({
    queryKey: packKeys.list(page, pageSize),
    queryFn: ({ signal }) => api.get<Page<PackSummary>>('/packs', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A pack never changes once made, so a loaded one is never refetched. */
export function usePack(id: string) {
  return useQuery({
    queryKey: packKeys.detail(id),
    queryFn: ({ signal }) => api.get<Pack>(`/packs/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: Infinity,
  });
}

/** Freezes a new pack; the list gains it, and the new pack is cached under its own key. */
export function useMakePack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePackRequest) => api.post<Pack>('/packs', body),
    onSuccess: (pack) => {
      queryClient.setQueryData(packKeys.detail(pack.id), pack);
      return queryClient.invalidateQueries({ queryKey: ['packs', 'list'] });
    },
  });
}
