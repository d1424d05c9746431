import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlagListQuery, Page, SignalFlag } from '@liftoff/shared';
import { api } from '../api/http';

export interface StuckFilter extends Pick<FlagListQuery, 'kind' | 'businessUnitId' | 'stage' | 'pilotId' | 'pattern' | 'sponsorId'> {
  page: number;
  pageSize: number;
}

/** Open flags for the stuck list; every filter (a pattern of the pilot's diagnosis included) is applied by the server. */
export function useStuckFlags(filter: StuckFilter) {
  return useQuery({
    queryKey: ['flags', 'stuck', filter],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Page<SignalFlag>>('/flags', { status: 'open', ...filter }, signal),
  });
}
