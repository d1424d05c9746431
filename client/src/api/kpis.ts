import { useQuery } from '@tanstack/react-query';
import type { Kpi } from '@liftoff/shared';
import { api } from './http';
import { pilotKeys } from './query-keys';

export function usePilotKpis(pilotId: string) {
  return useQuery({
    queryKey: pilotKeys.kpis(pilotId),
    queryFn: ({ signal }) => api.get<Kpi[]>(`/pilots/${encodeURIComponent(pilotId)}/kpis`, undefined, signal),
  });
}
