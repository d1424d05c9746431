/**
 * The job queue the rest of the app sees (issue 13): background work that must run once across every
 * server instance, with retries and visible state. The implementation (pg-boss on the app's database)
 * lives in `jobs.module.ts`; modules depend on this abstract class only.
 *
 * Delivery is at least once (a job whose instance died mid-way runs again after its expiry), so
 * handlers must be idempotent. Never send from inside a database transaction: on the embedded database
 * the queue shares the app's single connection, which the transaction holds.
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

/** A queue's defaults, set by its worker; a send may override the retry settings per job. */
export interface JobQueueOptions {
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled each time, with jitter, when `retryBackoff` (default true). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A handler still running after this long counts as failed and its job is retried (default 15 minutes; under 24 hours). */
  expireInSeconds?: number;
}

export type JobHandler<T> = (data: T) => Promise<void>;

export abstract class JobQueue {
  /** Queue one job; resolves with its id, or null when a singleton key dropped it. */
  abstract send<T extends object>(queue: string, data: T, options?: JobSendOptions): Promise<string | null>;
  /** Handle the queue's jobs in this instance; a handler that throws makes the job retry. */
  abstract work<T extends object>(queue: string, handler: JobHandler<T>, options?: JobQueueOptions): Promise<void>;
  /** Queue `data` on `queue` on a cron (5 fields) in the given IANA time zone (default: the server's own), once across all instances. */
  abstract schedule<T extends object>(queue: string, cron: string, data: T, timeZone?: string): Promise<void>;
  /** Stop the queue's schedule (if it has one), for every instance. */
  abstract unschedule(queue: string): Promise<void>;
}
