import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own on a free loopback port, for tests that stop and start the
 * database (the shared cluster on 5432 must never be stopped). Trust authentication on loopback only.
 * Always `drop()` it (afterAll / finally): it removes the cluster and its files.
 */
export interface OwnCluster {
  name: string;
  port: number;
  /** Connection string for a database on it (`postgres` by default). */
  url(database?: string): string;
  /** Stops the server (fast shutdown: sessions are ended, as in a restart). */
  stop(): Promise<void>;
  /** Starts the server and returns once it accepts connections. */
  start(): Promise<void>;
  drop(): Promise<void>;
}

export async function createOwnCluster(): Promise<OwnCluster> {
  const version = readdirSync('/etc/postgresql').sort().pop()!;
  const port = await freePort();
  const name = `liftoff_t_${process.pid}_${randomBytes(3).toString('hex')}`;
  const ctl = (action: string, ...extra: string[]) =>
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, action, ...extra], { timeout: 60_000 });
  await run('pg_createcluster', [version, name, '-p', String(port)], { timeout: 120_000 });
  const cluster: OwnCluster = {
    name,
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => void (await ctl('stop', '-m', 'fast')),
    start: async () => void (await ctl('start')),
    drop: async () => void (await run('pg_dropcluster', ['--stop', version, name], { timeout: 60_000 }).catch(() => undefined)),
  };
  try {
    const config = `/etc/postgresql/${version}/${name}`;
    writeFileSync(`${config}/conf.d/liftoff-test.conf`, ["listen_addresses = '127.0.0.1'", 'shared_buffers = 16MB', 'max_connections = 60', ''].join('\n'));
    writeFileSync(
      `${config}/pg_hba.conf`,
      ['local all all trust', 'host all all 127.0.0.1/32 trust', 'host all all ::1/128 trust', ''].join('\n'),
    );
    await cluster.start();
  } catch (error) {
    await cluster.drop();
    throw error;
  }
  return cluster;
}
