import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SignalThresholds } from '@liftoff/shared';

/** A single row: the thresholds the program office tuned (missing keys fall back to the defaults). */
@Entity('analysis_settings')
@Check('analysis_settings_single_row', `id = 1`)
export class AnalysisSettingsRecord {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  thresholds: Partial<SignalThresholds>;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
