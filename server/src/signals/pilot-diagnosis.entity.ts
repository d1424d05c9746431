import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { RECOMMENDATION_ACTIONS, type PatternDiagnosis, type ReadinessTestScore, type Recommendation, type RecommendationAction } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';

/** The latest conclusion about a pilot, kept so lists and the scale queue can sort without re-analysing. */
@Entity('pilot_diagnoses')
@Index(['action', 'readinessScore'])
export class PilotDiagnosisRecord {
  @PrimaryColumn({ type: 'uuid' })
  pilotId: string;

  @OneToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'enum', enum: RECOMMENDATION_ACTIONS, enumName: 'recommendation_action' })
  action: RecommendationAction;

  @Column({ type: 'smallint' })
  readinessScore: number;

  @Column({ type: 'jsonb' })
  recommendation: Recommendation;

  @Column({ type: 'jsonb' })
  patterns: PatternDiagnosis[];

  /**
   * The names of `patterns`, in their order, set by a trigger from `patterns` on every write: counting
   * patterns over the portfolio reads these few bytes instead of every diagnosis's evidence and guidance.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  patternKeys?: string[];

  /**
   * The readiness score's per-test breakdown, stored with it so the pilot page reads it instead of
   * re-analysing. Null in diagnoses stored before it was kept (the diagnosis call analyses them again).
   */
  @Column({ type: 'jsonb', nullable: true })
  readiness: ReadinessTestScore[] | null;

  /** `rowDigest` of action, score, recommendation, patterns and readiness, written with them; null when stored before it was kept. */
  @Column({ type: 'uuid', nullable: true })
  digest: string | null;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  /**
   * When the pilot last entered the scale queue (null while it is not in it): the weekly digest lists
   * the pilots that entered during its period. Kept by `markScaleQueueEntries` on every analysis.
   */
  @Column({ type: 'timestamptz', nullable: true })
  scaleQueueSince: Date | null;
}
