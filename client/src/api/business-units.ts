import { useQuery } from '@tanstack/react-query';
import type { BusinessUnit } from '@liftoff/shared';
import { api } from './http';
import { referenceKeys } from './query-keys';

export function useBusinessUnits() {
  return useQuery({
    queryKey: referenceKeys.businessUnits,
    queryFn: ({ signal }) => api.get<BusinessUnit[]>('/business-units', undefined, signal),
    // Units rarely change; one load per session is enough.
    staleTime: 10 * 60_000,
  });
}
