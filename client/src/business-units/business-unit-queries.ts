import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BusinessUnit, CreateBusinessUnitRequest, UpdateBusinessUnitRequest } from '@liftoff/shared';
import { api } from '../api/http';
import { pilotKeys, referenceKeys } from '../api/query-keys';

export { useBusinessUnits } from '../api/business-units';

/** Units are listed everywhere (filters, pilot form): every write refreshes the one cached list. */
function useUnitWrite<TArgs, TResult>(write: (args: TArgs) => Promise<TResult>, alsoPilots = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: referenceKeys.businessUnits });
      // Pilots carry their unit's name.
      if (alsoPilots) await queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
}

export function useCreateBusinessUnit() {
  return useUnitWrite((body: CreateBusinessUnitRequest) => api.post<BusinessUnit>('/business-units', body));
}

export function useRenameBusinessUnit() {
  return useUnitWrite(({ id, ...body }: UpdateBusinessUnitRequest & { id: string }) => api.patch<BusinessUnit>(`/business-units/${encodeURIComponent(id)}`, body), true);
}

export function useDeleteBusinessUnit() {
  return useUnitWrite((id: string) => api.delete(`/business-units/${encodeURIComponent(id)}`));
}
