import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A company sign-in on its way through the identity provider: the browser holds a random token in a cookie,
 * this row holds its hash with the state, nonce and PKCE verifier the callback must match. Used once.
 */
@Entity('sso_sign_in_attempts')
export class SsoSignInAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 128 })
  state: string;

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier: string;

  /** Where in the dashboard to land after signing in (a path on this site). */
  @Column({ type: 'varchar', length: 500 })
  returnTo: string;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
