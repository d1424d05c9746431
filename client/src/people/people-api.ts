import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePersonRequest, InvitedPerson, IssuedAccountLink, Page, Person, PersonListQuery, UpdatePersonRequest } from '@liftoff/shared';
import { api, apiRequest } from '../api/http';

/** Under the same 'people' root as the pickers' key, so a change here refreshes them too. */
export const peopleAdminKeys = {
  all: ['people'] as const,
  list: (query: PersonListQuery) => ['people', 'admin', query] as const,
};

export function usePeopleAdmin(query: PersonListQuery) {
  return useQuery({
    queryKey: peopleAdminKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Person>>('/people', { ...query }, signal),
    placeholderData: (previous) => previous,
  });
}

function usePeopleMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: peopleAdminKeys.all }) });
}

const personPath = (id: string, action = '') => `/people/${encodeURIComponent(id)}${action}`;

export const useInvitePerson = () => usePeopleMutation((body: CreatePersonRequest) => api.post<InvitedPerson>('/people/invite', body));
export const useResendInvite = () => usePeopleMutation((id: string) => api.post<IssuedAccountLink>(personPath(id, '/invite')));
export const useIssueReset = () => usePeopleMutation((id: string) => api.post<IssuedAccountLink>(personPath(id, '/password-reset')));
export const useRevokeLinks = () => usePeopleMutation((id: string) => apiRequest<Person>(personPath(id, '/links'), { method: 'DELETE' }));
export const useDeactivatePerson = () => usePeopleMutation((id: string) => api.post<Person>(personPath(id, '/deactivate')));
export const useReactivatePerson = () => usePeopleMutation((id: string) => api.post<Person>(personPath(id, '/reactivate')));
export const useUpdatePerson = () => usePeopleMutation(({ id, ...body }: UpdatePersonRequest & { id: string }) => api.patch<Person>(personPath(id), body));

/** The full address of a link, for copying into a message to the person. */
export function linkUrl(link: IssuedAccountLink): string {
  return `${window.location.origin}${link.path}`;
}
