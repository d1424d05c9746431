import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import { preparingStatements } from './prepared-statements';

/**
 * How long opening one database connection may take. A database that is down refuses at once; this
 * bounds the other case (a host that does not answer), so a request then fails fast with a 503.
 */
export const CONNECT_TIMEOUT_MS = 1000;

/**
 * How long a request may wait for a free connection of the pool. Far longer than the connect timeout:
 * under a burst, requests queue for the pool as they should; only a pool stuck for this long answers 503.
 */
export const POOL_WAIT_TIMEOUT_MS = 10_000;

/**
 * Maintenance that is known to run long (the sweep's bulk reads) raises the statement timeout for its
 * own transaction only, with `set_config(..., true)` (SET LOCAL).
 */
export const MAINTENANCE_STATEMENT_TIMEOUT_MS = 10 * 60_000;
export const MAINTENANCE_STATEMENT_TIMEOUT_SQL = `set_config('statement_timeout', '${MAINTENANCE_STATEMENT_TIMEOUT_MS}', true)`;

/**
 * pg-pool hands its own options to every client it makes, and uses `connectionTimeoutMillis` both for
 * opening a connection and for waiting in its queue. This client opens with the short connect timeout
 * whatever the pool waits, and notes a lost connection instead of crashing (`noteLostConnection`).
 */
function clientConnectingWithin(timeoutMs: number): typeof Client {
  return class extends Client {
    constructor(config?: string | ClientConfig) {
      super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: timeoutMs } : { ...config, connectionTimeoutMillis: timeoutMs });
      this.on('error', noteLostConnection);
    }
  };
}

const databaseLogger = new Logger('Database');

/**
 * A server that ends a connection while no statement runs on it (a restart, an administrator's
 * terminate) raises an 'error' event on the client itself. pg-pool listens only while a client is idle
 * in the pool and TypeORM only while its query runner holds it; a checked-out client outside both had
 * no listener, and the event crashed the process: a restart of PostgreSQL under load then took the app
 * down instead of answering 503 until it came back. With this listener the statement that was running
 * fails on its own, and the pool drops the broken client when it is released.
 */
export function noteLostConnection(error: Error): void {
  databaseLogger.warn(`A database connection was lost: ${error.message}`);
}

const FastConnectClient = clientConnectingWithin(CONNECT_TIMEOUT_MS);
const PreparingFastConnectClient = preparingStatements(FastConnectClient);
/**
 * The embedded database is served by this very process: a slow first answer means a busy machine
 * (PGlite still warming up), never an absent host, and a timeout there only cost a retry 3 s later.
 */
const EmbeddedConnectClient = clientConnectingWithin(POOL_WAIT_TIMEOUT_MS);

export interface ConnectionLimits {
  /** Server-side limit for one statement in ms; 0 means none. Not sent to the embedded database (PGlite cannot interrupt a statement). */
  statementTimeoutMs?: number;
  /**
   * Turn PostgreSQL's JIT compilation off for the app's sessions (a real server only; the embedded one
   * has no JIT). The read queries are short; on tables the sweep rewrites every night the planner's
   * estimates swell past `jit_above_cost`, and compiling then took most of the scale queue's time
   * (458 of 606 ms, issue 11).
   */
  jitOff?: boolean;
  /** The embedded database (in this process): no short connect timeout. */
  embedded?: boolean;
  /** Prepare each parameterised statement once per connection (a real server only, see prepared-statements.ts). */
  prepareStatements?: boolean;
}

/** The pool options (TypeORM's `extra`) that make an outage fail fast and bound every statement. */
export function poolLimits(limits: ConnectionLimits): Record<string, unknown> {
  return {
    Client: limits.embedded ? EmbeddedConnectClient : limits.prepareStatements ? PreparingFastConnectClient : FastConnectClient,
    connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS,
    // Dead peers (a host gone without closing its sockets) are noticed by the OS, not after hours.
    keepAlive: true,
    ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
    ...(limits.jitOff ? { options: '-c jit=off' } : {}),
  };
}
