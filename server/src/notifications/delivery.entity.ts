import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@liftoff/shared';
import type { ChannelKind } from './delivery-channel';
import { OutboxEvent } from './outbox-event.entity';

/**
 * One outbox event on its way to one target. Unique per event and target, so a dispatcher run that
 * repeats never sends twice; `delivered` is final.
 */
@Entity('deliveries')
@Index('deliveries_one_per_target', ['outboxEventId', 'targetKey'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@Index(['createdAt'])
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  outboxEventId: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_event_id' })
  outboxEvent?: OutboxEvent;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ChannelKind;

  @Column({ type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  /** `channel:<id>` or `person:<id>`: what makes a target the same one again. */
  @Column({ type: 'varchar', length: 80 })
  targetKey: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'delivery_status', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When a sender may take it (again): the backoff after a failure, or a claim's expiry while sending. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'int', nullable: true })
  lastResponseCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
