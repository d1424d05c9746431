import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PilotDiagnosis, DecisionListQuery, DecisionView, FlagListQuery, Page, RecordDecisionRequest, ScaleQueueItem, ScaleQueueQuery, SignalFlag } from '@liftoff/shared';
import { api } from './http';

export const decisionKeys = {
  all: ['decisions'] as const,
  log: (query: DecisionListQuery) => ['decisions', 'log', query] as const,
  queue: (query: ScaleQueueQuery) => ['decisions', 'scale-queue', query] as const,
  flags: (query: FlagListQuery) => ['flags', query] as const,
};

export function useScaleQueue(query: ScaleQueueQuery) {
  return useQuery({ queryKey: decisionKeys.queue(query), queryFn: ({ signal }) => api.get<ScaleQueueItem[]>('/scale-queue', { ...query }, signal) });
}

export function useDecisionLog(query: DecisionListQuery) {
  return useQuery({
    queryKey: decisionKeys.log(query),
    queryFn: ({ signal }) => api.get<Page<DecisionView>>('/decisions', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFlags(query: FlagListQuery) {
  return useQuery({
    queryKey: decisionKeys.flags(query),
    queryFn: ({ signal }) => api.get<Page<SignalFlag>>('/flags', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Records a decision; everything that shows stages, queues or flags is refreshed after it. */
export function useRecordDecision(pilotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDecisionRequest) => api.post<DecisionView>(`/pilots/${encodeURIComponent(pilotId)}/decisions`, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function usePilotDiagnosis(pilotId: string) {
  return useQuery({
    queryKey: ['diagnosis', pilotId],
    queryFn: ({ signal }) => api.get<PilotDiagnosis>(`/pilots/${encodeURIComponent(pilotId)}/diagnosis`, undefined, signal),
  });
}
