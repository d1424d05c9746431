import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWeeklyUpdateRequest,
  EditWeeklyUpdateRequest,
  Page,
  UpdateListQuery,
  WeeklyUpdate,
} from '@liftoff/shared';
import { fetchAllPages } from './fetch-all-pages';
import { api } from './http';
import { pilotKeys, updateKeys } from './query-keys';

const pilotUpdatesPath = (pilotId: string) => `/pilots/${encodeURIComponent(pilotId)}/updates`;

/** One page of a pilot's updates, newest first. */
export function usePilotUpdates(pilotId: string, page = 1, pageSize = 10) {
  return useQuery({
    queryKey: pilotKeys.updatesPage(pilotId, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<WeeklyUpdate>>(pilotUpdatesPath(pilotId), { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A pilot's whole history (newest first), for the charts on the pilot page. */
export function useAllPilotUpdates(pilotId: string) {
  return useQuery({
    queryKey: pilotKeys.allUpdates(pilotId),
    queryFn: ({ signal }) =>
      fetchAllPages((page, pageSize) => api.get<Page<WeeklyUpdate>>(pilotUpdatesPath(pilotId), { page, pageSize }, signal)),
  });
}

/** One posted update, to edit it. */
export function useUpdate(id: string) {
  return useQuery({
    queryKey: [...updateKeys.all, 'detail', id],
    queryFn: ({ signal }) => api.get<WeeklyUpdate>(`/updates/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Updates across the portfolio, newest first. */
export function usePortfolioUpdates(query: UpdateListQuery) {
  return useQuery({
    queryKey: updateKeys.portfolio(query),
    queryFn: ({ signal }) => api.get<Page<WeeklyUpdate>>('/updates', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function createUpdate(pilotId: string, body: CreateWeeklyUpdateRequest): Promise<WeeklyUpdate> {
  return api.post<WeeklyUpdate>(pilotUpdatesPath(pilotId), body);
}

/**
 * A new update moves the pilot's last-update week, its blockers, flags, diagnosis, the lists and the
 * portfolio aggregates: everything cached is refreshed.
 */
export function useInvalidateAfterUpdate() {
  const queryClient = useQueryClient();
  return (_pilotId: string) => queryClient.invalidateQueries();
}

export function useCreateUpdate(pilotId: string) {
  return useMutation({
    mutationFn: (body: CreateWeeklyUpdateRequest) => createUpdate(pilotId, body),
  });
}

export function useEditUpdate() {
  const invalidate = useInvalidateAfterUpdate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EditWeeklyUpdateRequest }) =>
      api.patch<WeeklyUpdate>(`/updates/${encodeURIComponent(id)}`, body),
    onSuccess: (update) => invalidate(update.pilotId),
  });
}
