import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlagListQuery, Page, StuckPilot } from '@liftoff/shared';
import { api } from '../api/http';

export interface StuckFilter extends Pick<FlagListQuery, 'kind' | 'businessUnitId' | 'stage' | 'pilotId' | 'pattern' | 'sponsorId'> {
  page: number;
  pageSize: number;
}

/**
 * Pilots with open flags for the stuck list, paged by pilot so that one pilot's signs stay on one
 * page; every filter (a pattern of the pilot's diagnosis included) is applied by the server.
 */
export function useStuckFlags(filter: StuckFilter) {
  return useQuery({
    queryKey: ['flags', 'stuck', filter],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Page<StuckPilot>>('/flags/by-pilot', { status: 'open', ...filter }, signal),
  });
}
