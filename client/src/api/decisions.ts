import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionListQuery, DecisionOutcomes, DecisionOutcomesQuery, DecisionView, Page, PilotDiagnosis, RecordDecisionRequest, ScaleQueueItem, ScaleQueueQuery } from '@liftoff/shared';
import { api } from './http';

export const decisionKeys = {
  all: ['decisions'] as const,
  log: (query: DecisionListQuery) => ['decisions', 'log', query] as const,
  queue: (query: ScaleQueueQuery) => ['decisions', 'scale-queue', query] as const,
  outcomes: (query: DecisionOutcomesQuery) => ['decisions', 'outcomes', query] as const,
};

/** One page of the scale queue; the previous page stays on screen while the next loads. */
export function useScaleQueue(query: ScaleQueueQuery) {
  return useQuery({
    queryKey: decisionKeys.queue(query),
    queryFn: ({ signal }) => api.get<Page<ScaleQueueItem>>('/scale-queue', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecisionLog(query: DecisionListQuery) {
  return useQuery({
    queryKey: decisionKeys.log(query),
    queryFn: ({ signal }) => api.get<Page<DecisionView>>('/decisions', { ...query }, signal),
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

/** How past scale, pivot and kill decisions turned out, for the whole portfolio or one business unit. */
export function useDecisionOutcomes(query: DecisionOutcomesQuery = {}) {
  return useQuery({
    queryKey: decisionKeys.outcomes(query),
    queryFn: ({ signal }) => api.get<DecisionOutcomes>('/decisions/outcomes', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A pilot's decisions, newest first. */
export function usePilotDecisions(pilotId: string) {
  return useQuery({
    queryKey: ['decisions', 'pilot', pilotId],
    queryFn: ({ signal }) => api.get<Page<DecisionView>>(`/pilots/${encodeURIComponent(pilotId)}/decisions`, { pageSize: 50 }, signal),
  });
}

export const diagnosisKey = (pilotId: string) => ['diagnosis', pilotId] as const;

export function usePilotDiagnosis(pilotId: string) {
  return useQuery({
    queryKey: diagnosisKey(pilotId),
    queryFn: ({ signal }) => api.get<PilotDiagnosis>(`/pilots/${encodeURIComponent(pilotId)}/diagnosis`, undefined, signal),
  });
}
