import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlagListQuery, Page, Pattern, Pilot, SignalFlag } from '@liftoff/shared';
import { fetchAllPages } from '../api/fetch-all-pages';
import { api } from '../api/http';
import { fetchPilots } from '../api/pilots';
import { flagsOfPilotsWithPattern } from './flag-groups';

export interface StuckFilter {
  kind?: FlagListQuery['kind'];
  businessUnitId?: string;
  stage?: FlagListQuery['stage'];
  pilotId?: string;
  pattern?: Pattern;
  page: number;
  pageSize: number;
}

/**
 * Open flags for the stuck list. Kind, unit, stage and pilot are filtered by the server. A pattern
 * is not a flag property, so with a pattern the list is assembled here: the pilots diagnosed with it
 * (from the pilots list) and all their open flags, paged locally.
 */
export function useStuckFlags({ pattern, page, pageSize, ...query }: StuckFilter) {
  return useQuery({
    queryKey: ['flags', 'stuck', { ...query, pattern, page, pageSize }],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<Page<SignalFlag>> => {
      if (!pattern) return api.get<Page<SignalFlag>>('/flags', { status: 'open', ...query, page, pageSize }, signal);
      const [pilots, flags] = await Promise.all([
        fetchAllPages<Pilot>((p, size) => fetchPilots({ businessUnitId: query.businessUnitId, stage: query.stage, page: p, pageSize: size }, signal)),
        fetchAllPages<SignalFlag>((p, size) => api.get<Page<SignalFlag>>('/flags', { status: 'open', ...query, page: p, pageSize: size }, signal)),
      ]);
      const matching = flagsOfPilotsWithPattern(flags, pilots, pattern);
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
    },
  });
}
