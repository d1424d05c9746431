import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue';
import { ReminderService } from './reminder.service';

export const REMINDER_QUEUE = 'update-reminders';
/** Every hour on the hour (UTC): each person's moment is an hour of their own day, which every zone reaches on some UTC hour. */
export const REMINDER_CRON = '0 * * * *';

/** Runs the reminder service hourly through the job queue, once across all instances. */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderJob.name);

  constructor(
    private readonly reminders: ReminderService,
    private readonly config: ConfigService<AppConfig, true>,
    @Optional() private readonly jobs?: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs || !this.reminders.canSend) {
      this.logger.warn('Update reminders are not scheduled: the job queue or the outbox is missing');
      return;
    }
    // Switched off: the schedule goes too, so no other instance's worker runs it for this database either.
    if (!this.config.get('SCHEDULED_MESSAGES_ENABLED', { infer: true })) return this.jobs.unschedule(REMINDER_QUEUE);
    await this.jobs.work(REMINDER_QUEUE, async () => {
      await this.reminders.run(new Date());
    });
    await this.jobs.schedule(REMINDER_QUEUE, REMINDER_CRON, {}, 'UTC');
  }
}
