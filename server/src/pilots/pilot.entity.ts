import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { COMPLEXITIES, STAGES, USE_CASE_CATEGORIES, type Complexity, type Stage, type UseCaseCategory } from '@liftoff/shared';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Person } from '../people/person.entity';
import { numericTransformer } from '../common/column-transformers';

@Entity('pilots')
@Check('pilots_money_not_negative', `annual_value_at_scale >= 0 AND cost_to_date >= 0 AND cost_to_scale >= 0`)
@Check('pilots_target_after_start', `target_production_date IS NULL OR target_production_date >= start_date`)
@Index(['businessUnitId', 'stage'])
export class Pilot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'uuid' })
  businessUnitId: string;

  @ManyToOne(() => BusinessUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'business_unit_id' })
  businessUnit?: BusinessUnit;

  @Column({ type: 'enum', enum: USE_CASE_CATEGORIES, enumName: 'use_case_category' })
  useCaseCategory: UseCaseCategory;

  @Index()
  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Person;

  /** Null means nobody at executive level owns the outcome: the first stuck pattern. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sponsorId: string | null;

  @ManyToOne(() => Person, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'sponsor_id' })
  sponsor?: Person | null;

  @Index()
  @Column({ type: 'enum', enum: STAGES, enumName: 'pilot_stage' })
  stage: Stage;

  @Column({ type: 'timestamptz' })
  stageEnteredAt: Date;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  targetProductionDate: string | null;

  @Column({ type: 'enum', enum: COMPLEXITIES, enumName: 'pilot_complexity' })
  complexity: Complexity;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  integrationSystems: string[];

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  annualValueAtScale: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  costToDate: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  costToScale: number;

  @Column({ type: 'uuid', nullable: true })
  pivotedFromId: string | null;

  @ManyToOne(() => Pilot, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'pivoted_from_id' })
  pivotedFrom?: Pilot | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
