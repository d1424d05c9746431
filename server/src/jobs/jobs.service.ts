import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_STATES, type JobFailure, type JobQueueState, type JobState, type JobsOverview } from '@liftoff/shared';
import { JOB_QUEUE_SCHEMA } from './job-database';
import { redactSecrets } from './secret-redaction';

/** Failures the overview lists. */
const RECENT_FAILURES = 10;
/** pg-boss's own queues (the one that turns schedules into jobs) are plumbing, not the app's work. */
const INTERNAL_QUEUE_PREFIX = '__pgboss__';

interface FailureRow {
  queue: string;
  job_id: string;
  failed_at: Date;
  message: string | null;
  will_retry: boolean;
}

/** Reads the queue's state straight from pg-boss's tables: the same on every instance. */
@Injectable()
export class JobsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(): Promise<JobsOverview> {
    const s = JOB_QUEUE_SCHEMA;
    const [queues, counts, failures]: [{ name: string; cron: string | null; timezone: string | null }[], { name: string; state: JobState; count: number }[], FailureRow[]] =
      await Promise.all([
        this.dataSource.query(`SELECT q.name, sc.cron, sc.timezone FROM ${s}.queue q LEFT JOIN ${s}.schedule sc ON sc.name = q.name WHERE left(q.name, ${INTERNAL_QUEUE_PREFIX.length}) <> $1 ORDER BY q.name`, [INTERNAL_QUEUE_PREFIX]),
        this.dataSource.query(`SELECT name, state::text AS state, count(*)::int AS count FROM ${s}.job GROUP BY name, state`),
        this.dataSource.query(
          `SELECT name AS queue, id AS job_id, COALESCE(completed_on, started_on, created_on) AS failed_at,
                  COALESCE(output->>'message', output->'value'->>'message', output::text) AS message, state = 'retry' AS will_retry
             FROM ${s}.job WHERE state IN ('failed', 'retry') AND output IS NOT NULL AND left(name, ${INTERNAL_QUEUE_PREFIX.length}) <> $1
           UNION ALL
           SELECT name, id, COALESCE(completed_on, started_on, created_on), COALESCE(output->>'message', output->'value'->>'message', output::text), false
             FROM ${s}.archive WHERE state = 'failed' AND left(name, ${INTERNAL_QUEUE_PREFIX.length}) <> $1
           ORDER BY failed_at DESC LIMIT ${RECENT_FAILURES}`,
          [INTERNAL_QUEUE_PREFIX],
        ),
      ]);
    return {
      queues: queues.map((queue): JobQueueState => ({
        name: queue.name,
        counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts.find((c) => c.name === queue.name && c.state === state)?.count ?? 0])) as Record<JobState, number>,
        schedule: queue.cron ? { cron: queue.cron, timeZone: queue.timezone ?? 'UTC' } : null,
      })),
      recentFailures: failures.map((row): JobFailure => ({
        queue: row.queue,
        jobId: row.job_id,
        failedAt: new Date(row.failed_at).toISOString(),
        error: redactSecrets(row.message ?? 'no error text'),
        willRetry: row.will_retry,
      })),
    };
  }
}
