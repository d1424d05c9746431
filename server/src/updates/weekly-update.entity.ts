import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { HEALTHS, type Health } from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { Pilot } from '../pilots/pilot.entity';
import { Blocker } from '../blockers/blocker.entity';
import { KpiReading } from './kpi-reading.entity';

@Entity('weekly_updates')
@Unique('weekly_updates_pilot_week', ['pilotId', 'week'])
@Check('weekly_updates_confidence_range', `confidence BETWEEN 1 AND 5`)
@Check('weekly_updates_users_not_negative', `active_users >= 0 AND active_users_outside_team >= 0`)
@Check('weekly_updates_outside_within_active', `active_users_outside_team <= active_users`)
@Check('weekly_updates_week_format', `week ~ '^[0-9]{4}-W[0-9]{2}$'`)
// Week and health too: the portfolio's health over time counts them from the index alone (issue 11).
@Index(['weekStart', 'week', 'health'])
export class WeeklyUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  /** ISO week, e.g. 2026-W48. */
  @Column({ type: 'varchar', length: 8 })
  week: string;

  /** Monday of `week`, kept for ordering and date-range queries. */
  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Person;

  @Column({ type: 'enum', enum: HEALTHS, enumName: 'update_health' })
  health: Health;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'smallint' })
  confidence: number;

  @Column({ type: 'integer' })
  activeUsers: number;

  @Column({ type: 'integer' })
  activeUsersOutsideTeam: number;

  @Column({ type: 'boolean', default: false })
  scaleQuestionAsked: boolean;

  @Column({ type: 'boolean', default: false })
  resourcesRedirected: boolean;

  /** The lead thinks a different user group or workflow would fit better (a pivot condition). */
  @Column({ type: 'boolean', default: false })
  pivotSuggested: boolean;

  @OneToMany(() => KpiReading, (reading) => reading.update, { cascade: true })
  kpiReadings?: KpiReading[];

  /** Which blockers this update reported: repetition across updates is the key stuck signal. */
  @ManyToMany(() => Blocker)
  @JoinTable({
    name: 'update_blockers',
    joinColumn: { name: 'update_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'blocker_id', referencedColumnName: 'id' },
  })
  blockers?: Blocker[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
