import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Kpi } from '../kpis/kpi.entity';
import { numericTransformer } from '../common/column-transformers';
import { WeeklyUpdate } from './weekly-update.entity';

@Entity('kpi_readings')
@Unique('kpi_readings_update_kpi', ['updateId', 'kpiId'])
export class KpiReading {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  updateId: string;

  @ManyToOne(() => WeeklyUpdate, (update) => update.kpiReadings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: WeeklyUpdate;

  @Index()
  @Column({ type: 'uuid' })
  kpiId: string;

  @ManyToOne(() => Kpi, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kpi_id' })
  kpi?: Kpi;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: numericTransformer })
  value: number;
}
