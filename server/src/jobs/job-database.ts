import { Logger } from '@nestjs/common';
import type { Pool, PoolClient, QueryResult } from 'pg';
import { databaseUnavailableReason } from '../database/database-errors';

// pg-boss's SQL texts, to recognise the two statements it runs without awaiting them (see below).
/* eslint-disable @typescript-eslint/no-require-imports */
const plans = require('pg-boss/src/plans') as { completeJobs(schema: string): string; failJobsById(schema: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

/** pg-boss's schema, installed by migration 1795690000000. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/** A statement text that opens its own transaction block (pg-boss's `locked` commands). */
const OPENS_TRANSACTION = /^\s*BEGIN\b/i;

/**
 * What pg-boss runs its SQL through (its `db` option), over a pool that is either the app's own (the
 * embedded database: one session, so pg-boss must share the one connection) or a small one of the
 * queue's (a real PostgreSQL).
 *
 * pg-boss settles a job (`complete` / `fail`) after its handler without awaiting the statement: when the
 * database is gone at that moment the rejection would be unhandled and end the process. Those two
 * statements are therefore never rejected here; a job that could not be settled stays active until its
 * expiry and is then retried (handlers must be idempotent anyway: delivery is at least once).
 */
export class JobDatabase {
  private readonly logger = new Logger('JobQueue');
  private readonly unawaited: ReadonlySet<string> = new Set([plans.completeJobs(JOB_QUEUE_SCHEMA), plans.failJobsById(JOB_QUEUE_SCHEMA)]);

  constructor(private readonly pool: Pool) {}

  async executeSql(text: string, values?: unknown[]): Promise<QueryResult> {
    if (!this.unawaited.has(text)) return this.run(text, values);
    try {
      return await this.run(text, values);
    } catch (error) {
      this.logger.warn(`A finished job could not be marked (${error instanceof Error ? error.message : String(error)}); it runs again after its expiry`);
      return { rows: [{ count: '0' }], rowCount: 0, command: 'UPDATE', oid: 0, fields: [] };
    }
  }

  private async run(text: string, values?: unknown[]): Promise<QueryResult> {
    const client: PoolClient = await this.pool.connect();
    let lost: Error | undefined;
    try {
      return await client.query(text, values);
    } catch (error) {
      if (databaseUnavailableReason(error) === 'unreachable') lost = error as Error;
      // A failed statement inside pg-boss's own BEGIN ... COMMIT leaves the session in an aborted
      // transaction; on the embedded database that session is the app's only one.
      else if (OPENS_TRANSACTION.test(text)) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(lost);
    }
  }
}
