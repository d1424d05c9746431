import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WebhookEvent } from '@liftoff/shared';

/**
 * Something that happened and must leave Liftoff, written in the same transaction as the write that
 * caused it. The dispatcher fans it out into `deliveries` and stamps `dispatchedAt`; dispatched rows
 * are pruned after a while (their deliveries go with them).
 */
@Entity('outbox_events')
@Index('outbox_events_undispatched', ['createdAt', 'id'], { where: 'dispatched_at IS NULL' })
@Index(['dispatchedAt'])
export class OutboxEvent {
  /** The event's own id (`WebhookEvent.id`), which receivers use to ignore a repeat. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  @Column({ type: 'jsonb' })
  event: WebhookEvent;

  /** null: for every subscriber of the event type; a list: for these people only. */
  @Column({ type: 'uuid', array: true, nullable: true })
  recipientIds: string[] | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
