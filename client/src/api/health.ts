import { useQuery } from '@tanstack/react-query';
import type { HealthStatus } from '@liftoff/shared';
import { api } from './http';
import { referenceKeys } from './query-keys';

export function useApiHealth() {
  return useQuery({
    queryKey: referenceKeys.health,
    queryFn: ({ signal }) => api.get<HealthStatus>('/health', undefined, signal),
    staleTime: 60_000,
  });
}
