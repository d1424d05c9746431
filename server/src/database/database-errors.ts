/**
 * Errors that mean "the database cannot serve this now", not "this request is wrong" nor "the code is
 * wrong": they answer 503 with Retry-After, never 500. Connection refused or reset, the server shutting
 * down or starting up, too many connections, a connection timeout or a dropped connection, and a
 * statement stopped by the statement timeout or a cancel.
 */
export type DatabaseUnavailableReason = 'unreachable' | 'timeout';

/** SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html) by what they mean here. */
const UNREACHABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping and ended this session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down or in recovery
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);
const TIMEOUT_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout or a cancel request
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
]);
/** Node socket errors of a connection to the database. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and pg-pool say when a connection cannot be had or was lost; they carry no code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/, // the pool's wait for a free connection
  /^timeout expired$/, // pg's own connect timeout
  /is not queryable$/, // a client whose connection already failed
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/, // shutting down
];

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** Why the database could not serve, or undefined when the error is something else. */
export function databaseUnavailableReason(error: unknown): DatabaseUnavailableReason | undefined {
  // TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool chains a timeout's cause.
  for (let current = error as ErrorLike | undefined, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = typeof current.code === 'string' ? current.code : undefined;
    if (code && UNREACHABLE_SQLSTATES.has(code)) return 'unreachable';
    if (code && TIMEOUT_SQLSTATES.has(code)) return 'timeout';
    if (code?.startsWith('08')) return 'unreachable'; // class 08: connection exception
    if (code && SOCKET_ERRORS.has(code)) return 'unreachable';
    // A unix socket that is not there (ENOENT) counts only when connecting, not for any missing file.
    if (current.syscall === 'connect') return 'unreachable';
    if (typeof current.message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(current!.message as string))) return 'unreachable';
    current = (current.driverError ?? current.cause) as ErrorLike | undefined;
  }
  return undefined;
}
