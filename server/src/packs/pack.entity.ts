import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PackSnapshot } from '@liftoff/shared';
import { Person } from '../people/person.entity';

/**
 * A steering-committee pack: the portfolio frozen at one moment. Append-only: database triggers refuse
 * UPDATE, DELETE and TRUNCATE. Packs form one chain: each names the pack before it, and the unique
 * number and unique previous pack stop two packs made at the same moment from forking it.
 */
@Entity('packs')
@Index(['madeAt'])
export class PackRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 1 for the first pack, then one more than the previous. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz' })
  madeAt: Date;

  @Column({ type: 'uuid' })
  madeById: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'made_by_id' })
  madeBy?: Person;

  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  previousPackId: string | null;

  @ManyToOne(() => PackRecord, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'previous_pack_id' })
  previousPack?: PackRecord | null;

  @Column({ type: 'jsonb' })
  snapshot: PackSnapshot;
}
