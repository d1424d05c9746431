import { Logger } from '@nestjs/common';
import { JobQueue, type JobHandler, type JobSendOptions } from '../jobs/job-queue';

/**
 * Stand-in for the job queue while none is provided (the pg-boss queue arrives with the jobs
 * module): jobs run in this process on timers, schedules are not kept. Nothing persists, which the
 * outbox tolerates: pending deliveries are queued again by the next dispatch.
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly handlers = new Map<string, JobHandler<object>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private serial = 0;

  async send<T extends object>(queue: string, data: T, options: JobSendOptions = {}): Promise<string | null> {
    const delay = options.startAfter ? Math.max(0, options.startAfter.getTime() - Date.now()) : 0;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const handler = this.handlers.get(queue);
      handler?.(data).catch((error: unknown) => this.logger.warn(`Job on ${queue} failed: ${(error as Error).message}`));
    }, delay);
    timer.unref();
    this.timers.add(timer);
    return String(++this.serial);
  }

  async work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void> {
    this.handlers.set(queue, handler as JobHandler<object>);
  }

  async schedule(): Promise<void> {
    // No schedules without a real queue.
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
