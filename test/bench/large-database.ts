/**
 * The `large` benchmark portfolio (5,000 pilots x 104 weekly updates by default) in a database of
 * its own on a real PostgreSQL server, built with the demo generator and inserted in bulk.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { insertPortfolio } from '../../server/dist/database/seed/bulk-insert';
import { LARGE_OPTIONS, generatePortfolio } from '../../server/dist/database/seed/portfolio-generator';

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface LargeDatabase {
  url: string;
  dataSource: DataSource;
  /** Closes the connection and drops the database (unless BENCH_KEEP is set). */
  dispose(): Promise<void>;
}

export async function createLargeDatabase(options: { pilots?: number; poolSize?: number } = {}): Promise<LargeDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own database there');
  const name = `liftoff_bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...buildDataSourceOptions(url.toString(), options.poolSize ?? 10), logging: false });
  const dispose = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    let t = Date.now();
    const rows = generatePortfolio({ ...LARGE_OPTIONS, pilots: options.pilots ?? LARGE_OPTIONS.pilots, now: new Date() });
    console.log(`generated ${rows.pilots.length} pilots, ${rows.weekly_updates.length} updates, ${rows.kpi_readings.length} KPI readings in ${seconds(Date.now() - t)}`);
    t = Date.now();
    await dataSource.transaction((manager) => insertPortfolio(manager, rows));
    await dataSource.query('ANALYZE');
    console.log(`inserted in ${seconds(Date.now() - t)}`);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: url.toString(), dataSource, dispose };
}
