import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailableReason } from './database-errors';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const driverError = (fields: Record<string, unknown>) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('db'), fields));

describe('databaseUnavailableReason', () => {
  it('a refused connection, as pg reports it, is unreachable', async () => {
    const error = await new Client({ host: '127.0.0.1', port: await closedPort(), connectionTimeoutMillis: 1000 }).connect().catch((e: unknown) => e);
    expect(databaseUnavailableReason(error)).toBe('unreachable');
  });

  it('a missing unix socket, as pg reports it, is unreachable', async () => {
    const error = await new Client({ host: '/nonexistent-liftoff-socket-dir', connectionTimeoutMillis: 1000 }).connect().catch((e: unknown) => e);
    expect(databaseUnavailableReason(error)).toBe('unreachable');
  });

  it('a server that accepts but never answers hits the connect timeout: unreachable', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const error = await new Client({ host: '127.0.0.1', port: (silent.address() as { port: number }).port, connectionTimeoutMillis: 200 }).connect().catch((e: unknown) => e);
      expect(databaseUnavailableReason(error)).toBe('unreachable');
    } finally {
      silent.close();
    }
  });

  it.each([['57P01'], ['57P02'], ['57P03'], ['53300'], ['08006'], ['08001'], ['08P01']])('SQLSTATE %s is unreachable', (code) => {
    expect(databaseUnavailableReason(driverError({ code }))).toBe('unreachable');
  });

  it.each([['57014'], ['55P03']])('SQLSTATE %s (statement timeout, cancel, lock timeout) is a timeout', (code) => {
    expect(databaseUnavailableReason(driverError({ code }))).toBe('timeout');
  });

  it.each([
    ['Connection terminated unexpectedly'],
    ['Connection terminated due to connection timeout'],
    ['timeout exceeded when trying to connect'],
    ['Client has encountered a connection error and is not queryable'],
  ])('the driver message "%s" is unreachable', (message) => {
    expect(databaseUnavailableReason(new Error(message))).toBe('unreachable');
  });

  it('a pool timeout that chains its cause is recognised through the chain', () => {
    expect(databaseUnavailableReason(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe('unreachable');
  });

  it('client mistakes, programming errors and other I/O are not outages', () => {
    expect(databaseUnavailableReason(driverError({ code: '23505' }))).toBeUndefined();
    expect(databaseUnavailableReason(driverError({ code: '42703' }))).toBeUndefined();
    expect(databaseUnavailableReason(new TypeError('x is undefined'))).toBeUndefined();
    let missingFile: unknown;
    try {
      readFileSync('/nonexistent-liftoff-file');
    } catch (error) {
      missingFile = error;
    }
    expect(databaseUnavailableReason(missingFile)).toBeUndefined();
    expect(databaseUnavailableReason(undefined)).toBeUndefined();
    expect(databaseUnavailableReason('text')).toBeUndefined();
  });
});
