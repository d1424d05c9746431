import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { poolLimits } from '../database/connection-limits';
import { DatabaseConnection } from '../database/database-connection';
import { databaseUnavailableReason } from '../database/database-errors';
import { JOB_QUEUE_SCHEMA, JobDatabase } from './job-database';
import { keepTrying, RETRY_SETUP_MS } from './keep-trying';
import { JobQueue, type JobHandler, type JobQueueOptions, type JobSendOptions } from './job-queue';

/** Connections of the queue's own pool on a real PostgreSQL: polling, settling, maintenance. */
const QUEUE_POOL_SIZE = 3;
/** PostgreSQL's SQLSTATE for a deadlock. */
const DEADLOCK = '40P01';
/** Defaults of every queue unless its worker says otherwise. */
const QUEUE_DEFAULTS = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
/** How long a stopping instance waits for running handlers before their jobs are failed (and retried elsewhere). */
const STOP_GRACE_MS = 10_000;
/** While the database is away every poll fails: say so once a minute, not every poll. */
const OUTAGE_LOG_EVERY_MS = 60_000;

/**
 * The job queue on pg-boss 10 (schema `pgboss`, installed by migration). Every queue uses pg-boss's
 * `short` policy, which lets at most one waiting job per singleton key exist; jobs sent without a key get
 * a unique one of their own, so only keyed sends are ever dropped. pg-boss starts when the app has
 * booted (after the migrations) and stops before the database connections close.
 */
@Injectable()
export class PgBossJobQueue extends JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private ownPool: Pool | null = null;
  private started: Promise<PgBoss> | null = null;
  private readonly queues = new Map<string, Promise<void>>();
  private creating: Promise<void> = Promise.resolve();
  private lastOutageLog = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connection: DatabaseConnection,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    super();
  }

  /**
   * Started in the background: the app serves at once (the embedded cold start stays as fast), and
   * every call of the queue waits for the start. A start that fails is logged and tried again.
   */
  onApplicationBootstrap(): void {
    const started = Date.now();
    keepTrying(
      () => this.ready().then(() => this.logger.log(`Job queue started in ${Date.now() - started} ms (${this.sharesAppPool() ? 'on the app\'s connection' : `on a pool of ${QUEUE_POOL_SIZE} connections`})`)),
      (error) => this.logger.error(`Job queue could not start, trying again in ${RETRY_SETUP_MS / 1000} s: ${describe(error)}`),
      () => this.stopped,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const starting = this.started;
    if (!starting) return;
    const boss = await starting.catch(() => null);
    try {
      await boss?.stop({ graceful: true, wait: true, timeout: STOP_GRACE_MS, close: false });
    } catch (error) {
      this.logger.warn(`Job queue stopped with an error: ${describe(error)}`);
    }
    await this.ownPool?.end().catch(() => undefined);
    this.ownPool = null;
  }

  async send<T extends object>(queue: string, data: T, options: JobSendOptions = {}): Promise<string | null> {
    const boss = await this.ready();
    await this.ensureQueue(boss, queue);
    return boss.send(queue, data, {
      singletonKey: options.singletonKey ?? `job:${crypto.randomUUID()}`,
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.retryDelay !== undefined ? { retryDelay: options.retryDelay } : {}),
      ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }

  async work<T extends object>(queue: string, handler: JobHandler<T>, options?: JobQueueOptions): Promise<void> {
    const boss = await this.ready();
    await this.ensureQueue(boss, queue, options);
    const pollingIntervalSeconds = this.config.get('JOBS_POLL_SECONDS', { infer: true });
    await boss.work<T>(queue, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      await handler(job.data);
    });
  }

  async schedule<T extends object>(queue: string, cron: string, data: T, timeZone?: string): Promise<void> {
    const boss = await this.ready();
    await this.ensureQueue(boss, queue);
    await boss.schedule(queue, cron, data, { tz: timeZone ?? localTimeZone() });
  }

  async unschedule(queue: string): Promise<void> {
    const boss = await this.ready();
    await boss.unschedule(queue);
  }

  /** pg-boss, started once (the first caller starts it; bootstrap does at the latest). */
  private ready(): Promise<PgBoss> {
    if (this.stopped) return Promise.reject(new Error('The job queue has stopped: the app is shutting down'));
    if (!this.started) {
      const starting = this.start();
      this.started = starting;
      starting.catch(() => {
        if (this.started === starting) this.started = null;
      });
    }
    return this.started;
  }

  private async start(): Promise<PgBoss> {
    const pollSeconds = this.config.get('JOBS_POLL_SECONDS', { infer: true });
    const cronCheckSeconds = this.config.get('JOBS_CRON_CHECK_SECONDS', { infer: true });
    const boss = new PgBoss({
      db: new JobDatabase(this.pool()),
      schema: JOB_QUEUE_SCHEMA,
      // The schema is the migrations' business (run by the owner role), never the running app's.
      migrate: false,
      pollingIntervalSeconds: pollSeconds,
      cronMonitorIntervalSeconds: cronCheckSeconds,
      cronWorkerIntervalSeconds: Math.min(45, Math.max(1, Math.round(pollSeconds))),
      ...QUEUE_DEFAULTS,
    });
    // Without a listener an 'error' event would end the process; a database outage only delays jobs.
    boss.on('error', (error) => this.onError(error));
    try {
      await boss.start();
    } catch (error) {
      await this.ownPool?.end().catch(() => undefined);
      this.ownPool = null;
      throw error;
    }
    return boss;
  }

  /**
   * The embedded database is one session: pg-boss shares the app's pool of one connection (so does a
   * real PostgreSQL the app was told to use one connection of). Otherwise the queue gets a small pool of
   * its own, so polling never waits behind requests and a burst of requests never holds up the jobs; it
   * fails fast and reconnects alone like the app's.
   */
  private sharesAppPool(): boolean {
    return this.connection.isEmbedded || this.connection.poolSize === 1;
  }

  private pool(): Pool {
    if (this.sharesAppPool()) return (this.dataSource.driver as unknown as { master: Pool }).master;
    const pool = new Pool({
      connectionString: this.connection.url,
      max: QUEUE_POOL_SIZE,
      application_name: 'liftoff-jobs',
      ...poolLimits({ statementTimeoutMs: this.config.get('DB_STATEMENT_TIMEOUT_MS', { infer: true }), jitOff: true }),
    });
    pool.on('error', (error) => this.onError(error));
    this.ownPool = pool;
    return pool;
  }

  private ensureQueue(boss: PgBoss, queue: string, options?: JobQueueOptions): Promise<void> {
    const settings = { name: queue, policy: 'short' as const, ...QUEUE_DEFAULTS, ...options };
    const known = this.queues.get(queue);
    if (known && !options) return known;
    // create_queue keeps an existing queue as it is; a worker's own settings are then written over it.
    const ensured = (known ?? this.createOneAtATime(() => boss.createQueue(queue, settings))).then(() => (options ? boss.updateQueue(queue, settings) : undefined));
    const settled = ensured.catch((error: unknown) => {
      // Not known after all: the next call tries again.
      if (this.queues.get(queue) === settled) this.queues.delete(queue);
      throw error;
    });
    this.queues.set(queue, settled);
    return settled;
  }

  /**
   * Making a queue attaches a partition to pg-boss's job table: two at once deadlock on its locks, so an
   * instance makes its queues one after another, and a deadlock with another instance's is tried again.
   */
  private createOneAtATime(create: () => Promise<unknown>): Promise<void> {
    const attempt = async (triesLeft: number): Promise<void> => {
      try {
        await create();
      } catch (error) {
        if (triesLeft === 0 || (error as { code?: string }).code !== DEADLOCK) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
        await attempt(triesLeft - 1);
      }
    };
    const created = this.creating.then(() => attempt(3));
    this.creating = created.catch(() => undefined);
    return created;
  }

  private onError(error: unknown): void {
    if (databaseUnavailableReason(error)) {
      const now = Date.now();
      if (now - this.lastOutageLog < OUTAGE_LOG_EVERY_MS) return;
      this.lastOutageLog = now;
      this.logger.warn(`Job queue cannot reach the database; jobs wait until it is back (${describe(error)})`);
      return;
    }
    this.logger.error(`Job queue: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
}

/** The server's own time zone: a schedule without one means local time, as cron does. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
