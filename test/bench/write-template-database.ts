/**
 * The `large` benchmark portfolio, built once and kept as a template database, so that a benchmark
 * run copies it (`CREATE DATABASE … TEMPLATE`, seconds) instead of generating and inserting half a
 * million rows again (minutes). The template's name carries what its content depends on: the pilot
 * count, the ISO week it was generated in (the generator dates everything in whole weeks back from
 * now), the migrations and the generator's build; any change makes a new one. Templates are named
 * `liftoff_bench_tpl_*`; drop them by hand to reclaim the space.
 */
import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isoWeekOf } from '@liftoff/shared';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { MIGRATIONS } from '../../server/dist/database/migrations';
import { insertPortfolio } from '../../server/dist/database/seed/bulk-insert';
import { LARGE_OPTIONS, generatePortfolio } from '../../server/dist/database/seed/portfolio-generator';
import { SettingsService } from '../../server/dist/settings/settings.service';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { seconds } from './large-database';

const GENERATOR_FILES = ['portfolio-generator.js', 'pilot-history.js', 'portfolio-plan.js', 'bulk-insert.js', 'demo-clock.js', 'prng.js'];

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function templateName(pilots: number): string {
  const hash = createHash('sha256');
  hash.update(MIGRATIONS.map((m) => m.name).join(','));
  for (const file of GENERATOR_FILES) hash.update(readFileSync(resolve(__dirname, '../../server/dist/database/seed', file)));
  hash.update(isoWeekOf(new Date()));
  return `liftoff_bench_tpl_${pilots}_${hash.digest('hex').slice(0, 12)}`;
}

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Builds the portfolio (swept once, as the nightly job leaves it) under a temporary name, then renames it. */
async function buildTemplate(serverUrl: string, name: string, pilots: number): Promise<void> {
  const building = `${name}_b${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${building}`));
  const dataSource = new DataSource({ ...buildDataSourceOptions(urlOf(serverUrl, building), 10), logging: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    let t = Date.now();
    const rows = generatePortfolio({ ...LARGE_OPTIONS, pilots, now: new Date() });
    await dataSource.transaction((manager) => insertPortfolio(manager, rows));
    await dataSource.query('VACUUM ANALYZE');
    console.log(`template: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} updates inserted in ${seconds(Date.now() - t)}`);
    t = Date.now();
    const sweep = await new AnalysisService(dataSource, new SettingsService(dataSource, new DomainEvents())).sweep();
    console.log(`template: swept in ${seconds(Date.now() - t)} (${sweep.flagsOpened} open flags)`);
    await dataSource.destroy();
    await withClient(serverUrl, (c) => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`)).catch(async (error: unknown) => {
      // Another run built the same template meanwhile: use theirs.
      if (!(await exists(serverUrl, name))) throw error;
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    throw error;
  }
}

async function exists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export interface CopiedDatabase {
  name: string;
  url: string;
  /** Drops the copy (unless BENCH_KEEP is set). */
  dispose(): Promise<void>;
}

/** A fresh copy of the swept `large` portfolio (5,000 pilots x 104 weeks by default), named after `label`. */
export async function copyLargeDatabase(label: string, pilots = LARGE_OPTIONS.pilots): Promise<CopiedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own database there');
  const template = templateName(pilots);
  if (!(await exists(serverUrl, template))) {
    console.log(`building template database ${template} (once per week, migration set and generator)`);
    await buildTemplate(serverUrl, template, pilots);
  }
  const name = `liftoff_bench_${label}_${randomBytes(4).toString('hex')}`;
  const t = Date.now();
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  console.log(`copied ${template} to ${name} in ${seconds(Date.now() - t)}`);
  return {
    name,
    url: urlOf(serverUrl, name),
    dispose: async () => {
      if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
      else await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
