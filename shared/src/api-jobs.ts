/** The background job queue's state, as the program office sees it on the Settings page (issue 13). */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobQueueState {
  /** The queue's name, e.g. `portfolio-sweep`. */
  name: string;
  /** Jobs kept in the queue now (finished ones for a while), by state. */
  counts: Record<JobState, number>;
  /** The cron the queue runs on, if it has a schedule. */
  schedule: { cron: string; timeZone: string } | null;
}

export interface JobFailure {
  queue: string;
  jobId: string;
  /** When the failed attempt ended (or began, for a job still waiting for its retry). */
  failedAt: string;
  /** The error's message, with anything that looks like a credential blanked out. */
  error: string;
  /** true: the job will be tried again; false: it has used all its retries. */
  willRetry: boolean;
}

export interface JobsOverview {
  queues: JobQueueState[];
  /** The most recent failures, newest first. */
  recentFailures: JobFailure[];
}
