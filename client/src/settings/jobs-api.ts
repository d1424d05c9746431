import { useQuery } from '@tanstack/react-query';
import type { JobsOverview } from '@liftoff/shared';
import { api } from '../api/http';

export const jobsKey = ['jobs'] as const;

/** The job queues' state, refreshed every half minute while the page is open. */
export function useJobsOverview() {
  return useQuery({ queryKey: jobsKey, queryFn: ({ signal }) => api.get<JobsOverview>('/jobs', undefined, signal), refetchInterval: 30_000 });
}
