import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { DeliveryChannelRegistry, type DeliveryTarget, type OutboxMessage } from './delivery-channel';
import { DispatchTrigger } from './dispatch-trigger';


/** Events claimed per transaction. */
const DISPATCH_BATCH = 200;
/**
 * Nudges closer together than this share one run. A run costs about eight statements however few
 * events it claims, so one run per posted update under load was a third of the database's work;
 * news may wait this long.
 */
export const DISPATCH_MIN_GAP_MS = 250;

interface ClaimedRow {
  id: string;
  event: OutboxMessage['event'];
  recipient_ids: string[] | null;
}

const targetKey = (target: DeliveryTarget) => (target.channelId ? `channel:${target.channelId}` : `person:${target.personId}`);

/**
 * Fans outbox events out into deliveries. Rows are claimed in order with FOR UPDATE SKIP LOCKED, so
 * several instances share the work; each registered channel names its targets; a delivery is unique
 * per event and target, so a repeated run adds nothing. Delivery jobs are queued after the commit.
 */
@Injectable()
export class OutboxDispatcher implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  /** When the last run ended, and the run waiting for the gap after it. */
  private lastRunEnded = 0;
  private waiting: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DeliveryChannelRegistry,
    private readonly jobs: JobQueue,
    private readonly trigger: DispatchTrigger,
  ) {}

  onModuleInit(): void {
    this.trigger.onNudge(() => this.requestRun());
  }

  /** Lets a run in progress finish its batch before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  /**
   * Dispatches everything waiting, at least `DISPATCH_MIN_GAP_MS` after the previous run ended: requests
   * in between share the one run that waits for the gap. A request while a run is going makes it go
   * round once more.
   */
  requestRun(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.waiting) return this.waiting;
    const wait = this.lastRunEnded + DISPATCH_MIN_GAP_MS - Date.now();
    if (wait > 0) {
      this.waiting = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => {
        this.waiting = null;
        return this.requestRun();
      });
      return this.waiting;
    }
    return this.runNow();
  }

  private runNow(): Promise<void> {
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.dispatchAll();
        } while (this.again && !this.stopping);
      } finally {
        this.running = null;
        this.lastRunEnded = Date.now();
      }
    })();
    return this.running;
  }

  /** Batches until nothing is left; the number of events dispatched. */
  async dispatchAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch();
      total += count;
      if (count < DISPATCH_BATCH || this.stopping) return total;
    }
  }

  /** One batch in one transaction; the number of events it dispatched. */
  async dispatchBatch(): Promise<number> {
    const { count, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const rows: ClaimedRow[] = await manager.query(
        `SELECT id, event, recipient_ids FROM outbox_events WHERE dispatched_at IS NULL
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [DISPATCH_BATCH],
      );
      if (rows.length === 0) return { count: 0, deliveryIds: [] as string[] };
      const deliveries: Record<string, unknown>[] = [];
      for (const row of rows) {
        const message: OutboxMessage = { event: row.event, recipientIds: row.recipient_ids };
        for (const channel of this.registry.all()) {
          for (const target of await channel.targets(manager, message)) {
            deliveries.push({
              outbox_event_id: row.id,
              event_type: row.event.type,
              kind: target.kind,
              channel_id: target.channelId,
              person_id: target.personId,
              target_key: targetKey(target),
              label: target.label.slice(0, 200),
            });
          }
        }
      }
      const inserted: { id: string }[] = deliveries.length
        ? await manager.query(
            `INSERT INTO deliveries (outbox_event_id, event_type, kind, channel_id, person_id, target_key, label)
             SELECT outbox_event_id, event_type, kind, channel_id, person_id, target_key, label
               FROM jsonb_to_recordset($1::jsonb) AS x(outbox_event_id uuid, event_type varchar, kind varchar, channel_id uuid, person_id uuid, target_key varchar, label varchar)
             ON CONFLICT (outbox_event_id, target_key) DO NOTHING
             RETURNING id`,
            [JSON.stringify(deliveries)],
          )
        : [];
      await manager.query(`UPDATE outbox_events SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      return { count: rows.length, deliveryIds: inserted.map((row) => row.id) };
    });
    await this.queueDeliveries(deliveryIds);
    return count;
  }

  /**
   * Pending deliveries overdue by more than a minute lost their job (a crash, a queue outage):
   * queue them again. A duplicate job is harmless, the sender claims a delivery before sending.
   */
  async requeueOverdue(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at < now() - interval '1 minute' ORDER BY next_attempt_at LIMIT 1000`,
    );
    await this.queueDeliveries(rows.map((row) => row.id));
    return rows.length;
  }

  private async queueDeliveries(ids: string[]): Promise<void> {
    for (const deliveryId of ids) {
      try {
        await this.jobs.send('notifications.deliver', { deliveryId });
      } catch (error) {
        // The delivery stays pending; `requeueOverdue` picks it up.
        this.logger.warn(`Could not queue delivery ${deliveryId}: ${(error as Error).message}`);
      }
    }
  }
}
