import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateBusinessUnitRequest, UpdateBusinessUnitRequest } from '@liftoff/shared';
import { typedApi } from '../api/typed-http';
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
  return useUnitWrite((body: CreateBusinessUnitRequest) => typedApi.post('/api/business-units', { body }));
}

export function useRenameBusinessUnit() {
  return useUnitWrite(({ id, ...body }: UpdateBusinessUnitRequest & { id: string }) => typedApi.patch('/api/business-units/{id}', { path: { id }, body }), true);
}

export function useDeleteBusinessUnit() {
  return useUnitWrite((id: string) => typedApi.delete('/api/business-units/{id}', { path: { id } }));
}
