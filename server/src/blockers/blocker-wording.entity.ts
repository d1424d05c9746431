import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WeeklyUpdate } from '../updates/weekly-update.entity';
import { Blocker } from './blocker.entity';

/**
 * A blocker as one update's lead typed it. Every wording is kept, so a later rewording is compared
 * with all of them (leads drift from the first text week by week), and a split knows which text
 * the wrongly linked mention had.
 */
@Entity('blocker_wordings')
@Index(['blockerId'])
@Index(['updateId'])
export class BlockerWording {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blockerId: string;

  @ManyToOne(() => Blocker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id' })
  blocker?: Blocker;

  /** The update whose mention this is; null for a wording that joined in a merge without one. */
  @Column({ type: 'uuid', nullable: true })
  updateId: string | null;

  @ManyToOne(() => WeeklyUpdate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'update_id' })
  update?: WeeklyUpdate;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
