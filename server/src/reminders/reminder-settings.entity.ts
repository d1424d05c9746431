import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A single row: when leads are reminded of missing weekly updates, and how soon it escalates. */
@Entity('reminder_settings')
@Check('reminder_settings_single_row', `id = 1`)
@Check('reminder_settings_ranges', `weekday BETWEEN 1 AND 7 AND hour BETWEEN 0 AND 23 AND sponsor_grace_days BETWEEN 1 AND 14 AND office_grace_days BETWEEN 1 AND 14`)
export class ReminderSettingsRecord {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** ISO weekday in each lead's own zone: 1 Monday … 7 Sunday. */
  @Column({ type: 'smallint', default: 4 })
  weekday: number;

  @Column({ type: 'smallint', default: 10 })
  hour: number;

  @Column({ type: 'smallint', default: 2 })
  sponsorGraceDays: number;

  @Column({ type: 'smallint', default: 2 })
  officeGraceDays: number;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
