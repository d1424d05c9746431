import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { STAGES, type Stage } from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { Pilot } from './pilot.entity';

/** Every stage move, kept so "no stage progress for months" can be measured from history. */
@Entity('stage_changes')
@Index(['pilotId', 'changedAt'])
export class StageChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'enum', enum: STAGES, enumName: 'pilot_stage', nullable: true })
  fromStage: Stage | null;

  @Column({ type: 'enum', enum: STAGES, enumName: 'pilot_stage' })
  toStage: Stage;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'changed_by_id' })
  changedBy?: Person | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
