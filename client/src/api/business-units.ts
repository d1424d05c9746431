import { useQuery } from '@tanstack/react-query';
import { typedApi } from './typed-http';
import { referenceKeys } from './query-keys';

export function useBusinessUnits() {
  return useQuery({
    queryKey: referenceKeys.businessUnits,
    queryFn: ({ signal }) => typedApi.get('/api/business-units', { signal }),
    // Units rarely change; one load per session is enough.
    staleTime: 10 * 60_000,
  });
}
