import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * How many attempts one client made at one password route in the current window (`LOGIN_RATE_LIMIT`),
 * counted in the database so that every worker and every instance shares one count. Rows whose window
 * ended are deleted by later attempts (`DatabaseThrottlerStorage`).
 */
@Entity('attempt_windows')
export class AttemptWindow {
  /** The rate limiter's key: a hash of the route, the limit's name and the client's address. */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Index()
  @Column({ type: 'timestamptz' })
  endsAt: Date;
}
