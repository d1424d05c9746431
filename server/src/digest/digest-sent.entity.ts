import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '../people/person.entity';

/**
 * One digest handed to the outbox: a person's for an ISO week of their calendar, or the week's
 * broadcast to subscribed channels (no person). The unique indexes make "once per week" hold across
 * server instances: the second insert of a week finds the row and sends nothing.
 */
@Entity('digests_sent')
@Index('digests_sent_once_per_person', ['personId', 'week'], { unique: true, where: `person_id IS NOT NULL` })
@Index('digests_sent_once_per_broadcast', ['week'], { unique: true, where: `person_id IS NULL` })
export class DigestSent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null: the broadcast to channels. */
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'person_id' })
  person?: Person | null;

  /** ISO week, `2026-W49`. */
  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
