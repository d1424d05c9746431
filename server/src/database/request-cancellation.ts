import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { Client, type Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { requestContext } from '../audit/request-context';
import { CONNECT_TIMEOUT_MS, noteLostConnection } from './connection-limits';
import { DatabaseConnection } from './database-connection';

/** The database connections one HTTP request holds, so that a client who hangs up has its work stopped. */
export class RequestDatabaseWork {
  aborted = false;
  /** A connection the request held broke (the database went away mid-request). */
  connectionLost = false;
  readonly held = new Set<PoolClient>();
  /** Connections that may still receive a cancel: closed on release instead of going back to the pool. */
  readonly doomed = new WeakSet<PoolClient>();
}

/** Raised when a request whose client already hung up asks for a connection. */
export class RequestAbortedError extends Error {
  constructor() {
    super('The client closed the connection before the response; its database work was cancelled');
  }
}

/** True when the current request's client hung up before the response. */
export function requestAborted(): boolean {
  return requestContext.getStore()?.database?.aborted ?? false;
}

/**
 * True when a connection the current request held broke. TypeORM then releases the transaction's query
 * runner, and the request's next query fails with "Query runner already released", which by itself
 * would look like a programming error.
 */
export function requestLostConnection(): boolean {
  return requestContext.getStore()?.database?.connectionLost ?? false;
}

type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, release: (err?: Error | boolean) => void) => void;

/**
 * Cancels in the database what a request is doing once its client hangs up (the HTTP response closes
 * before it was sent). The pool's `connect` is wrapped so that each connection a request checks out is
 * known to its request context; on hang-up, the statement running on each is cancelled with
 * `pg_cancel_backend` from a separate short-lived connection, the connection is closed when released
 * (so a late cancel can never hit another request), and the request cannot check out another one.
 * The embedded database is one session that cannot be interrupted: there only the last two apply.
 */
@Injectable()
export class RequestCancellation implements OnApplicationBootstrap {
  private readonly logger = new Logger(RequestCancellation.name);
  private pool: Pool | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connection: DatabaseConnection,
  ) {}

  onApplicationBootstrap(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    this.pool = pool;
    const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
    // TypeORM checks connections out with the callback form; the promise form passes through untouched.
    pool.connect = ((callback?: ConnectCallback) => {
      const work = requestContext.getStore()?.database;
      if (!work || typeof callback !== 'function') return (connect as (cb?: ConnectCallback) => unknown)(callback);
      if (work.aborted) {
        process.nextTick(() => callback(new RequestAbortedError(), undefined, () => undefined));
        return;
      }
      connect((err, client, release) => {
        if (err || !client) return callback(err, client, release);
        if (work.aborted) {
          release();
          return callback(new RequestAbortedError(), undefined, () => undefined);
        }
        work.held.add(client);
        // Registered before TypeORM's own listener, which releases the query runner on the same event.
        const onError = () => (work.connectionLost = true);
        client.on('error', onError);
        callback(undefined, client, (releaseError) => {
          client.removeListener('error', onError);
          work.held.delete(client);
          release(work.doomed.has(client) ? (releaseError ?? true) : releaseError);
        });
      });
    }) as Pool['connect'];
  }

  /** Express middleware: watches each request's response for a client that hangs up. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    const store = requestContext.getStore();
    if (store) {
      const work = new RequestDatabaseWork();
      store.database = work;
      res.once('close', () => {
        if (!res.writableEnded) this.abort(work);
      });
    }
    next();
  };

  private abort(work: RequestDatabaseWork): void {
    work.aborted = true;
    for (const client of work.held) {
      work.doomed.add(client);
      const pid = (client as PoolClient & { processID?: number | null }).processID;
      if (pid && !this.connection.isEmbedded) void this.cancelBackend(pid);
    }
  }

  /** pg_cancel_backend on its own connection: the pool may be full, and this must not wait for it. */
  private async cancelBackend(pid: number): Promise<void> {
    if (!this.pool) return;
    const canceller = new Client({ ...this.pool.options, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'liftoff-cancel' });
    // The server may end this connection between its statements (it is going down): not a crash.
    canceller.on('error', noteLostConnection);
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch (error) {
      this.logger.warn(`Could not cancel the database work of an abandoned request: ${(error as Error).message}`);
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }
}
