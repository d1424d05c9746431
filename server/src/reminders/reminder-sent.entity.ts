import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { REMINDER_LEVELS, type ReminderLevel } from '@liftoff/shared';
import { Person } from '../people/person.entity';

/**
 * One reminder or escalation that went into the outbox. The unique key (person, week, level, step) is what makes each one
 * once-only: two server instances running the same hour both try the insert, and one of them wins.
 */
@Entity('reminders_sent')
@Unique('reminders_sent_once', ['personId', 'week', 'level', 'step'])
@Index(['level', 'sentAt'])
export class ReminderSent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Who it was addressed to. */
  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /** The ISO week the missing updates are for. */
  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'enum', enum: REMINDER_LEVELS, enumName: 'reminder_level' })
  level: ReminderLevel;

  /** Grace periods passed: 0 for the lead's reminder, 1 or 2 for an escalation (`escalationSteps`). */
  @Column({ type: 'smallint', default: 0 })
  step: number;

  /** The pilots it listed; escalations follow a lead's reminder through these. */
  @Column({ type: 'uuid', array: true })
  pilotIds: string[];

  @Column({ type: 'timestamptz' })
  sentAt: Date;
}
