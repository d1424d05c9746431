import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DECISION_KINDS, RECOMMENDATION_ACTIONS, type DecisionKind, type RecommendationAction } from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { Pilot } from '../pilots/pilot.entity';

/** What Liftoff concluded when the decision was taken, kept with it for the record. */
export interface DecisionSnapshot {
  flags: { kind: string; summary: string }[];
  patterns: string[];
  recommendation: { action: RecommendationAction; reasons: string[]; readinessScore: number } | null;
}

/**
 * An entry of the decision log. Immutable: a database trigger refuses UPDATE and DELETE; a correction
 * is a new decision that names the one it supersedes.
 */
@Entity('decisions')
@Index(['pilotId', 'decidedAt'])
@Index(['decidedAt'])
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'enum', enum: DECISION_KINDS, enumName: 'decision_kind' })
  kind: DecisionKind;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'uuid' })
  decidedById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: Person;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;

  @Column({ type: 'date', nullable: true })
  nextReviewDate: string | null;

  @Column({ type: 'jsonb' })
  snapshot: DecisionSnapshot;

  @Column({ type: 'enum', enum: RECOMMENDATION_ACTIONS, enumName: 'recommendation_action', nullable: true })
  recommendedAction: RecommendationAction | null;

  /** Whether the decision followed Liftoff's recommendation (continue counts as keep piloting). */
  @Column({ type: 'boolean' })
  followedRecommendation: boolean;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => Decision, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Decision | null;

  /** For a pivot: the new pilot it created. */
  @Column({ type: 'uuid', nullable: true })
  resultingPilotId: string | null;

  @ManyToOne(() => Pilot, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'resulting_pilot_id' })
  resultingPilot?: Pilot | null;
}
