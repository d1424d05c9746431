/**
 * The `large` portfolio kept as a template database between benchmark runs: building it takes about
 * half a minute (generate, bulk insert, sweep), copying a template a few seconds. The template is
 * named after its purpose and the number of pilots, and rebuilt when older than a week (the generator writes dates relative to the day it runs); older
 * templates of the same purpose are dropped when a new one is made. BENCH_FRESH=1 rebuilds it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { createLargeDatabase, type LargeDatabase } from './large-database';

const MAX_TEMPLATE_AGE_MS = 7 * 86_400_000;

async function admin<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface CopiedDatabase {
  url: string;
  name: string;
  /** Drops the copy (unless BENCH_KEEP is set); the template stays. */
  dispose(): Promise<void>;
}

/**
 * A fresh copy of the template for `purpose`, built first (with `prepare`, e.g. a sweep) when there
 * is none for today. Pending migrations run on the copy, so a template survives a new index.
 */
export async function copyOfLargeDatabase(purpose: string, pilots: number, prepare: (db: LargeDatabase) => Promise<void>): Promise<CopiedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own databases there');
  const prefix = `liftoff_tpl_${purpose}_`;
  const template = `${prefix}${pilots}`;
  // The build time is kept as the template's comment.
  const existing = await admin<{ datname: string; built: string | null }>(serverUrl,
    `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
  const current = existing.find((row) => row.datname === template && Date.now() - Number(row.built) < MAX_TEMPLATE_AGE_MS);
  if (process.env.BENCH_FRESH === '1' || !current) {
    const started = Date.now();
    const built = await createLargeDatabase({ pilots });
    await prepare(built);
    await built.dataSource.destroy();
    for (const { datname } of existing) await admin(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin(serverUrl, `ALTER DATABASE "${new URL(built.url).pathname.slice(1)}" RENAME TO "${template}"`);
    await admin(serverUrl, `COMMENT ON DATABASE "${template}" IS '${Date.now()}'`);
    console.log(`built template ${template} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`using template ${template} (BENCH_FRESH=1 rebuilds it)`);
  }
  const name = `liftoff_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dispose = async () => {
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  try {
    const dataSource = await new DataSource({ ...buildDataSourceOptions(url.toString(), 1), logging: false }).initialize();
    try {
      const ran = await dataSource.runMigrations();
      // As autovacuum leaves a table that is mostly appended to: statistics and visibility map current.
      if (ran.length > 0) await dataSource.query('VACUUM ANALYZE');
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: url.toString(), name, dispose };
}
