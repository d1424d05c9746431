import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAssessmentRequest, ReadinessAssessment } from '@liftoff/shared';
import { api } from './http';

/** Records a new readiness assessment; the diagnosis, queue and lists all read from it. */
export function useCreateAssessment(pilotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessmentRequest) => api.post<ReadinessAssessment>(`/pilots/${encodeURIComponent(pilotId)}/assessments`, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
