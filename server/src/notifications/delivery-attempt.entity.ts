import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Delivery } from './delivery.entity';

/** One try at sending a delivery, as it went. */
@Entity('delivery_attempts')
@Index(['deliveryId', 'attemptedAt'])
export class DeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => Delivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Delivery;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ type: 'int', nullable: true })
  responseCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int' })
  durationMs: number;
}
