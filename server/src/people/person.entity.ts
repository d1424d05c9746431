import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { ROLES, type Role } from '@liftoff/shared';
import { BusinessUnit } from '../business-units/business-unit.entity';

@Entity('people')
@Check('people_email_lowercase', `email = lower(email)`)
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  /** Stored lower-case so uniqueness ignores case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'person_role' })
  role: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  businessUnitId: string | null;

  @ManyToOne(() => BusinessUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'business_unit_id' })
  businessUnit?: BusinessUnit | null;

  /** argon2id hash; null for people who cannot sign in (yet). Never selected unless asked for. */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash?: string | null;

  /** Set when the program office deactivates them: every session and token stops at once. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** The identity provider's subject (`sub`) once the person signed in with the company account. */
  @Column({ type: 'varchar', length: 255, nullable: true, unique: true, select: false })
  ssoSubject?: string | null;

  /** IANA zone: reminders reach them on the configured weekday and hour of their own day. */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
