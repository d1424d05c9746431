import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReadinessAnswer, ReadinessTest } from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { Pilot } from '../pilots/pilot.entity';

export type StoredAnswers = Record<ReadinessTest, { answer: ReadinessAnswer; note: string | null }>;

/** The program office's six readiness tests for a pilot on one date; re-assessments add rows. */
@Entity('readiness_assessments')
@Index(['pilotId', 'assessedAt'])
export class ReadinessAssessmentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'timestamptz' })
  assessedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  assessedById: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assessed_by_id' })
  assessedBy?: Person | null;

  @Column({ type: 'jsonb' })
  answers: StoredAnswers;
}
