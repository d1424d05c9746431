import { useQueries } from '@tanstack/react-query';
import { STAGES, type Stage } from '@liftoff/shared';
import { fetchPilots, type PilotListParams } from '../api/pilots';
import { pilotKeys } from '../api/query-keys';

export interface StageCounts {
  byStage: Record<Stage, number>;
  total: number;
}

/**
 * Pilots per stage, one small request per stage reading only `total` (pageSize=1). Stop-gap until
 * the portfolio aggregate endpoint exists; swap the body of this hook then, not its callers.
 */
export function useStageCounts(businessUnitId?: string) {
  return useQueries({
    queries: STAGES.map((stage) => {
      const params: PilotListParams = { stage, businessUnitId, page: 1, pageSize: 1 };
      return {
        queryKey: pilotKeys.list(params),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchPilots(params, signal),
      };
    }),
    combine: (results) => {
      const error = results.find((result) => result.error)?.error ?? null;
      const isPending = results.some((result) => result.isPending);
      if (isPending || error) return { data: undefined, isPending, error, refetch: () => results.forEach((r) => void r.refetch()) };
      const byStage = Object.fromEntries(STAGES.map((stage, i) => [stage, results[i].data?.total ?? 0])) as Record<Stage, number>;
      const data: StageCounts = { byStage, total: Object.values(byStage).reduce((sum, n) => sum + n, 0) };
      return { data, isPending: false, error: null, refetch: () => results.forEach((r) => void r.refetch()) };
    },
  });
}
