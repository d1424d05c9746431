import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateKpiRequest, Kpi, UpdateKpiRequest } from '@liftoff/shared';
import { diagnosisKey } from '../api/decisions';
import { api } from '../api/http';
import { pilotKeys } from '../api/query-keys';

export { usePilotKpis } from '../api/kpis';

/** A KPI write changes the pilot's KPI list and what the analysis says about its metrics. */
function useKpiWrite<TArgs, TResult>(pilotId: string, write: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pilotKeys.kpis(pilotId) }),
        queryClient.invalidateQueries({ queryKey: diagnosisKey(pilotId) }),
      ]),
  });
}

export function useCreateKpi(pilotId: string) {
  return useKpiWrite(pilotId, (body: CreateKpiRequest) => api.post<Kpi>(`/pilots/${encodeURIComponent(pilotId)}/kpis`, body));
}

export function useUpdateKpi(pilotId: string) {
  return useKpiWrite(pilotId, ({ id, ...body }: UpdateKpiRequest & { id: string }) => api.patch<Kpi>(`/kpis/${encodeURIComponent(id)}`, body));
}

export function useDeleteKpi(pilotId: string) {
  return useKpiWrite(pilotId, (id: string) => api.delete(`/kpis/${encodeURIComponent(id)}`));
}
