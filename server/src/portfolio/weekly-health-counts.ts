import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { keepTrying, RETRY_SETUP_MS } from '../jobs/keep-trying';

/** The queue the hourly fold of `weekly_health_counts` runs on. */
export const HEALTH_COUNTS_QUEUE = 'portfolio-health-counts';

/**
 * Folds every row of `weekly_health_counts` a post, an edit or an import appended into one row per week
 * and health, in one statement. Rows appended meanwhile by transactions it cannot see stay for the next
 * fold, and two folds at once each take only rows still there: the sums never change, only how many
 * rows carry them.
 */
export const FOLD_HEALTH_COUNTS_SQL = `
  WITH folded AS (DELETE FROM weekly_health_counts RETURNING week_start, week, health, updates)
  INSERT INTO weekly_health_counts (week_start, week, health, updates)
  SELECT week_start, week, health, sum(updates) FROM folded GROUP BY 1, 2, 3 HAVING sum(updates) <> 0`;

/**
 * Keeps the overview's health counts to a few rows per week: the triggers append a row per statement,
 * so without folding the rows read per overview would grow with every post. Hourly, once across all
 * instances (the job queue's schedule); a fold is safe to repeat.
 */
@Injectable()
export class WeeklyHealthCounts implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WeeklyHealthCounts.name);
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    keepTrying(
      async () => {
        await this.queue.work(HEALTH_COUNTS_QUEUE, () => this.fold().then(() => undefined));
        await this.queue.schedule(HEALTH_COUNTS_QUEUE, '41 * * * *', {}, 'UTC');
      },
      (error) => this.logger.error(`The health counts' fold could not be scheduled, trying again in ${RETRY_SETUP_MS / 1000} s: ${String(error)}`),
      () => this.stopping,
    );
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** Folds the rows; returns how many rows there are after. */
  async fold(): Promise<number> {
    await this.dataSource.query(FOLD_HEALTH_COUNTS_SQL);
    const [{ rows }] = await this.dataSource.query(`SELECT count(*)::int AS rows FROM weekly_health_counts`);
    return rows;
  }
}
