/**
 * The job queue the rest of the app sees (issue 13): background work that must run once across every
 * server instance, with retries and visible state. The implementation (pg-boss on the app's database)
 * lives in `jobs.module.ts`; modules depend on this abstract class only.
 */
export interface JobSendOptions {
  /** At most one queued job with this key (per queue) at a time: a second send is dropped. */
  singletonKey?: string;
  /** Retries after the first attempt; the default is the queue's. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time when `retryBackoff` is set. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Run no earlier than this. */
  startAfter?: Date;
}

export type JobHandler<T> = (data: T) => Promise<void>;

export abstract class JobQueue {
  /** Queue one job; resolves with its id, or null when a singleton key dropped it. */
  abstract send<T extends object>(queue: string, data: T, options?: JobSendOptions): Promise<string | null>;
  /** Handle the queue's jobs in this instance; a handler that throws makes the job retry. */
  abstract work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void>;
  /** Queue `data` on `queue` on a cron (5 fields) in the given IANA time zone, once across all instances. */
  abstract schedule<T extends object>(queue: string, cron: string, data: T, timeZone?: string): Promise<void>;
}
