import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { BLOCKER_CATEGORIES, BLOCKER_STATUSES, type BlockerCategory, type BlockerStatus } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';

/** A pilot's register of obstacles; updates report them week after week. */
@Entity('blockers')
@Index(['pilotId', 'status'])
@Index('blockers_open_by_age', ['firstSeenWeek', 'id'], { where: `"status" = 'open'` })
export class Blocker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'enum', enum: BLOCKER_CATEGORIES, enumName: 'blocker_category' })
  category: BlockerCategory;

  @Column({ type: 'enum', enum: BLOCKER_STATUSES, enumName: 'blocker_status', default: 'open' })
  status: BlockerStatus;

  @Column({ type: 'varchar', length: 8 })
  firstSeenWeek: string;

  @Column({ type: 'varchar', length: 8 })
  lastSeenWeek: string;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
