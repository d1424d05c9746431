import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue';
import { keepTrying, RETRY_SETUP_MS } from '../jobs/keep-trying';
import { AnalysisService } from './analysis.service';

/** The queue the nightly sweep runs on. */
export const SWEEP_QUEUE = 'portfolio-sweep';
/** A sweep of a large portfolio reads for minutes; only one stuck this long counts as failed. */
const SWEEP_EXPIRE_SECONDS = 2 * 60 * 60;

/**
 * The nightly portfolio sweep, on the cron from SWEEP_CRON (the server's local time, as before) through
 * the job queue: the schedule fires once across every instance, whichever instance is free runs it, and
 * a sweep that fails is retried with backoff. SWEEP_ENABLED=false removes the schedule.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SweepScheduler.name);
  private stopping = false;
  private working = false;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly queue: JobQueue,
    private readonly analysis: AnalysisService,
  ) {}

  /** In the background, like the queue's own start: the app serves without waiting for it. */
  onApplicationBootstrap(): void {
    keepTrying(
      () => this.register(),
      (error) => this.logger.error(`The sweep's schedule could not be set, trying again in ${RETRY_SETUP_MS / 1000} s: ${String(error)}`),
      () => this.stopping,
    );
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  private async register(): Promise<void> {
    if (!this.config.get('SWEEP_ENABLED', { infer: true })) {
      await this.queue.unschedule(SWEEP_QUEUE);
      return;
    }
    // A try after a failed schedule must not add a second worker.
    if (!this.working) {
      await this.queue.work(SWEEP_QUEUE, () => this.run(), { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: SWEEP_EXPIRE_SECONDS });
      this.working = true;
    }
    await this.queue.schedule(SWEEP_QUEUE, this.config.get('SWEEP_CRON', { infer: true }), {});
  }

  private async run(): Promise<void> {
    const result = await this.analysis.sweep();
    // Another sweep (a threshold change) held the lock: it covers the whole portfolio as well.
    if (!result.ran) this.logger.log('Sweep skipped: another sweep was running');
  }
}
