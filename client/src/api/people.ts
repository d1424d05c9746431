import { useQuery } from '@tanstack/react-query';
import type { Page, PageQuery, Person, Role } from '@liftoff/shared';
import { api } from './http';
import { referenceKeys } from './query-keys';

export interface PeopleQuery extends PageQuery {
  role?: Role;
  /** Pickers pass `true`: deactivated people stay in the history but cannot be chosen. */
  active?: boolean;
}

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: referenceKeys.people(query),
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { ...query }, signal),
    staleTime: 5 * 60_000,
  });
}
