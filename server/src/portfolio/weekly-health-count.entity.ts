import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HEALTHS, type Health } from '@liftoff/shared';

/**
 * How many weekly updates said each health, per week: the portfolio overview's health over time reads
 * these few rows instead of counting a year of updates on every request. Only the database writes
 * them: statement triggers on `weekly_updates` add one row per week and health a statement touched
 * (+n inserted, -n deleted, both for an edit), so concurrent posts never wait on a shared counter;
 * `WeeklyHealthCounts.fold` folds them into one row per week and health now and then.
 */
@Entity('weekly_health_counts')
@Index(['weekStart'])
export class WeeklyHealthCount {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'date' })
  weekStart: string;

  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'enum', enum: HEALTHS, enumName: 'update_health' })
  health: Health;

  /** Updates added (positive) or removed (negative). */
  @Column({ type: 'integer' })
  updates: number;
}
