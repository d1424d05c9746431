import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { KPI_DIRECTIONS, type KpiDirection } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';
import { numericTransformer } from '../common/column-transformers';

@Entity('kpis')
@Index(['pilotId', 'name'], { unique: true })
export class Kpi {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id' })
  pilot?: Pilot;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  unit: string;

  /** Null baseline or target is what "success metrics unclear" looks like in the data. */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numericTransformer })
  baseline: number | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numericTransformer })
  target: number | null;

  /** Bounds of a possible reading (a count cannot go below 0); null when unbounded. */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numericTransformer })
  minValue: number | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numericTransformer })
  maxValue: number | null;

  @Column({ type: 'enum', enum: KPI_DIRECTIONS, enumName: 'kpi_direction' })
  direction: KpiDirection;

  @VersionColumn()
  version: number;
}
