import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue';
import { DigestService } from './digest.service';

/** The queue the digest's hourly run goes through. */
export const DIGEST_QUEUE = 'portfolio-digest';

/**
 * Runs the digest every hour on the hour, once across all instances (the job queue's schedule):
 * each run sends the digests whose weekday and hour have come on their recipient's clock. A run is
 * safe to repeat (the once-per-week rows decide), so the queue's at-least-once delivery is enough.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(DigestScheduler.name);

  constructor(
    private readonly digest: DigestService,
    // Optional until the job queue is part of the app: without it nothing is scheduled.
    @Optional() @Inject(JobQueue) private readonly queue: JobQueue | null,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** In the background: the app serves without waiting for the queue. */
  onApplicationBootstrap(): void {
    if (!this.queue) return;
    this.register(this.queue).catch((error: unknown) => this.logger.error(`The digest's schedule could not be set: ${String(error)}`));
  }

  private async register(queue: JobQueue): Promise<void> {
    // Switched off: the schedule goes too, so no other instance's worker runs it for this database either.
    if (!this.config.get('SCHEDULED_MESSAGES_ENABLED', { infer: true })) return queue.unschedule(DIGEST_QUEUE);
    await queue.work(DIGEST_QUEUE, async () => {
      await this.digest.run(new Date());
    });
    await queue.schedule(DIGEST_QUEUE, '0 * * * *', {}, 'UTC');
  }
}
