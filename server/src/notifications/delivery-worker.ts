import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue';
import { DeliveryChannelRegistry, type ChannelKind, type OutboxMessage, type SendResult } from './delivery-channel';
import { DELIVER_QUEUE } from './notification-jobs';

interface ClaimedDelivery {
  id: string;
  kind: ChannelKind;
  channel_id: string | null;
  person_id: string | null;
  label: string;
  event: OutboxMessage['event'];
  recipient_ids: string[] | null;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'not_due';

/**
 * Sends one delivery once: claims it (pending and due), sends it through its channel, records the
 * attempt, and then marks it delivered, schedules the next try with exponential backoff, or gives up
 * after the last allowed attempt. The claim holds the delivery for longer than a send can take, so
 * two workers never send it at the same time, and a delivered one is never sent again.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly claimMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DeliveryChannelRegistry,
    private readonly jobs: JobQueue,
    config: ConfigService<AppConfig, true>,
  ) {
    this.maxAttempts = config.get('DELIVERY_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('DELIVERY_RETRY_BASE_MS', { infer: true });
    this.claimMs = config.get('DELIVERY_TIMEOUT_MS', { infer: true }) + 30_000;
  }

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const claimed = await this.claim(deliveryId);
    if (!claimed) return 'not_due';
    const channel = this.registry.get(claimed.kind);
    const target = { kind: claimed.kind, channelId: claimed.channel_id, personId: claimed.person_id, label: claimed.label };
    const started = Date.now();
    let result: SendResult;
    if (!channel) result = { ok: false, responseCode: null, error: `Nothing sends ${claimed.kind} deliveries on this server`, retryable: false };
    else {
      try {
        result = await channel.send(target, { event: claimed.event, recipientIds: claimed.recipient_ids });
      } catch (error) {
        // Channels report failures rather than throw; one that throws anyway is treated as a failed try.
        result = { ok: false, responseCode: null, error: `The sender failed: ${(error as Error).message}`.slice(0, 500), retryable: true };
      }
    }
    return this.record(claimed.id, result, new Date(started), Date.now() - started);
  }

  private async claim(deliveryId: string): Promise<ClaimedDelivery | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `UPDATE deliveries d SET next_attempt_at = now() + $2 * interval '1 millisecond'
         FROM outbox_events e
        WHERE d.id = $1 AND e.id = d.outbox_event_id AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '1 second'
       RETURNING d.id, d.kind, d.channel_id, d.person_id, d.label, e.event, e.recipient_ids`,
      [deliveryId, this.claimMs],
    );
    return rows[0] ?? null;
  }

  private async record(deliveryId: string, result: SendResult, attemptedAt: Date, durationMs: number): Promise<DeliveryOutcome> {
    const error = result.ok ? null : (result.error ?? 'The send failed').slice(0, 1000);
    const [[row]]: [{ status: string; attempts: number; next_attempt_at: Date }[], number] = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO delivery_attempts (delivery_id, attempted_at, ok, response_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [deliveryId, attemptedAt, result.ok, result.responseCode, error, durationMs],
      );
      // Backoff: base, 2×base, 4×base, ... after the 1st, 2nd, 3rd failed attempt.
      return manager.query(
        `UPDATE deliveries SET attempts = attempts + 1, last_response_code = $2, last_error = $3,
                status = CASE WHEN $4 THEN 'delivered'
                              WHEN NOT $5 OR attempts + 1 >= $6 THEN 'failed'
                              ELSE 'pending' END::delivery_status,
                delivered_at = CASE WHEN $4 THEN now() ELSE NULL END,
                next_attempt_at = now() + $7 * power(2, attempts) * interval '1 millisecond'
          WHERE id = $1
        RETURNING status, attempts, next_attempt_at`,
        [deliveryId, result.responseCode, error, result.ok, result.retryable, this.maxAttempts, this.retryBaseMs],
      );
    });
    if (row.status === 'delivered') return 'delivered';
    if (row.status === 'failed') return 'failed';
    try {
      await this.jobs.send(DELIVER_QUEUE, { deliveryId }, { startAfter: new Date(row.next_attempt_at) });
    } catch (sendError) {
      this.logger.warn(`Could not queue the next try of delivery ${deliveryId} (the dispatcher's sweep will): ${(sendError as Error).message}`);
    }
    return 'retrying';
  }
}
