import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FLAG_STATUSES, SIGNAL_KINDS, type FlagStatus, type SignalKind } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';

/**
 * One stuck sign over its life. At most one open flag per pilot, kind and subject: the partial unique
 * index keeps parallel sweeps from opening the same flag twice.
 */
@Entity('signal_flags')
@Index('signal_flags_one_open', ['pilotId', 'kind', 'subjectKey'], { unique: true, where: `status = 'open'` })
@Index(['status', 'kind'])
@Index(['pilotId', 'openedAt'])
export class SignalFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'enum', enum: SIGNAL_KINDS, enumName: 'signal_kind' })
  kind: SignalKind;

  @Column({ type: 'varchar', length: 80, default: '' })
  subjectKey: string;

  @Column({ type: 'enum', enum: FLAG_STATUSES, enumName: 'flag_status', default: 'open' })
  status: FlagStatus;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  evidence: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  /**
   * The day the condition began by the pilot's history (`SignalResult.since`), refreshed on every run;
   * `openedAt` is only when a run first saw it. Null for flags stored before it was recorded.
   */
  @Column({ type: 'date', nullable: true })
  conditionSince: string | null;

  /** `rowDigest` of summary, evidence and conditionSince, written with them; null when stored before it was kept. */
  @Column({ type: 'uuid', nullable: true })
  digest: string | null;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Why it was resolved (see `FlagResolution`); null while open. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  resolution: string | null;
}
