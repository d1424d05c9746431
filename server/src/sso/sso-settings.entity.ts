import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GroupRoleMapping } from '@liftoff/shared';
import { Person } from '../people/person.entity';

/** A single row: how company sign-in maps groups to roles, and whether passwords still work. */
@Entity('sso_settings')
@Check('sso_settings_single_row', `id = 1`)
@Check('sso_settings_break_glass_when_passwords_off', `password_sign_in OR break_glass_person_id IS NOT NULL`)
export class SsoSettingsRecord {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  mappings: GroupRoleMapping[];

  @Column({ type: 'boolean', default: true })
  passwordSignIn: boolean;

  @Column({ type: 'uuid', nullable: true })
  breakGlassPersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'break_glass_person_id' })
  breakGlassPerson?: Person | null;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
