import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Ended windows one attempt clears on its way, so the table holds about one row per client of the last minute. */
const PRUNED_PER_ATTEMPT = 20;

/**
 * One statement per attempt: clears a few ended windows of other clients, then counts this attempt in its
 * client's window, starting a new window when the last one ended. Concurrent attempts of one client queue
 * on its row, so none is lost (ON CONFLICT DO UPDATE).
 */
const COUNT_ATTEMPT_SQL = `
  WITH pruned AS (
    DELETE FROM attempt_windows WHERE key IN (
      SELECT key FROM attempt_windows WHERE ends_at < clock_timestamp() AND key <> $1 LIMIT ${PRUNED_PER_ATTEMPT} FOR UPDATE SKIP LOCKED))
  INSERT INTO attempt_windows AS w (key, hits, ends_at) VALUES ($1, 1, clock_timestamp() + $2::float8 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN w.ends_at <= clock_timestamp() THEN 1 ELSE w.hits + 1 END,
    ends_at = CASE WHEN w.ends_at <= clock_timestamp() THEN excluded.ends_at ELSE w.ends_at END
  RETURNING hits, ceil(extract(epoch FROM ends_at - clock_timestamp()))::int AS seconds_left`;

/**
 * The rate limiter's count of attempts, kept in PostgreSQL instead of each process's memory: with several
 * workers (`SERVER_WORKERS`) or instances behind a load balancer, a client gets `LOGIN_RATE_LIMIT` attempts
 * in all, not that many per process. A fixed window of `ttl` from the client's first attempt; past the limit
 * the client is refused until the window ends.
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [row]: { hits: number; seconds_left: number }[] = await this.dataSource.query(COUNT_ATTEMPT_SQL, [key, ttl]);
    const timeToExpire = Math.max(0, row.seconds_left);
    const isBlocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
