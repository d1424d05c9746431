import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateNotificationChannelRequest, DeliveryListQuery, EditNotificationChannelRequest } from '@liftoff/shared';
import { typedApi } from '../api/typed-http';

export const integrationKeys = {
  channels: ['notification-channels'] as const,
  deliveries: (query: DeliveryListQuery) => ['deliveries', query] as const,
};

export function useNotificationChannels() {
  return useQuery({ queryKey: integrationKeys.channels, queryFn: ({ signal }) => typedApi.get('/api/notification-channels', { signal }) });
}

/** Every change to a channel refreshes the list. */
function useChannelMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationKeys.channels }) });
}

export function useCreateChannel() {
  return useChannelMutation((body: CreateNotificationChannelRequest) => typedApi.post('/api/notification-channels', { body }));
}

export function useEditChannel() {
  return useChannelMutation(({ id, body }: { id: string; body: EditNotificationChannelRequest }) => typedApi.patch('/api/notification-channels/{id}', { path: { id }, body }));
}

export function useDeleteChannel() {
  return useChannelMutation((id: string) => typedApi.delete('/api/notification-channels/{id}', { path: { id } }));
}

export function useRotateSecret() {
  return useChannelMutation(({ id, version }: { id: string; version: number }) => typedApi.post('/api/notification-channels/{id}/rotate-secret', { path: { id }, body: { version } }));
}

/** A test send changes nothing stored. */
export function useTestChannel() {
  return useMutation({ mutationFn: (id: string) => typedApi.post('/api/notification-channels/{id}/test', { path: { id } }) });
}

export function useDeliveries(query: DeliveryListQuery) {
  return useQuery({
    queryKey: integrationKeys.deliveries(query),
    queryFn: ({ signal }) => typedApi.get('/api/deliveries', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
