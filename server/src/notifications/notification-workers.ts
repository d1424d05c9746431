import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue';
import { DeliveryWorker } from './delivery-worker';
import { DELIVER_QUEUE, DISPATCH_QUEUE, PRUNE_QUEUE } from './notification-jobs';
import { OutboxDispatcher } from './outbox-dispatcher';

/** Registers the notification queues' handlers and schedules once every module is ready. */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly worker: DeliveryWorker,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ deliveryId: string }>(DELIVER_QUEUE, async ({ deliveryId }) => {
      await this.worker.deliver(deliveryId);
    });
    await this.jobs.work(DISPATCH_QUEUE, async () => {
      await this.dispatcher.requestRun();
      await this.dispatcher.requeueOverdue();
    });
    await this.jobs.work(PRUNE_QUEUE, async () => {
      await this.prune();
    });
    await this.jobs.schedule(DISPATCH_QUEUE, '* * * * *', {});
    await this.jobs.schedule(PRUNE_QUEUE, '40 3 * * *', {});
    // Whatever was left undispatched when the server last stopped.
    this.dispatcher.requestRun().catch(() => undefined);
  }

  /** Deletes dispatched events older than the retention period whose deliveries are all settled. */
  async prune(): Promise<number> {
    const days = this.config.get('OUTBOX_RETENTION_DAYS', { infer: true });
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM outbox_events e
        WHERE e.dispatched_at < now() - $1 * interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.outbox_event_id = e.id AND d.status = 'pending')
       RETURNING e.id`,
      [days],
    );
    return rows.length;
  }
}
