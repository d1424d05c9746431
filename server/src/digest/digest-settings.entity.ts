import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A single row: whether the weekly digest goes out, and on which weekday and hour of each recipient's clock. */
@Entity('digest_settings')
@Check('digest_settings_single_row', `id = 1`)
@Check('digest_settings_weekday_range', `weekday BETWEEN 1 AND 7`)
@Check('digest_settings_hour_range', `hour BETWEEN 0 AND 23`)
export class DigestSettingsRecord {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint', default: 1 })
  weekday: number;

  @Column({ type: 'smallint', default: 8 })
  hour: number;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
