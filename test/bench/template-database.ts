/**
 * The benchmark portfolios, kept as template databases between runs: a run copies one (seconds)
 * instead of generating and inserting it again (minutes; most of an hour at 50,000 pilots).
 *
 * A template is `raw` (as generated) or `swept` (swept once, as the nightly job leaves it), and is
 * named after everything its content depends on: that kind, the pilot count, and a hash of the
 * migrations, the generator's build and the ISO week it was made in (the generator dates everything
 * in whole weeks back from now). Any change makes a new template, and the older ones of the same kind
 * and size are dropped then. A template is built under a temporary name and renamed when complete,
 * so one that exists is whole. A multiple of 5,000 pilots above 5,000 is the raw 5,000-pilot template
 * replicated inside PostgreSQL (see portfolio-builder.ts).
 *
 * Templates are named `liftoff_tpl_*`. BENCH_FRESH=1 rebuilds this run's, BENCH_DROP_TEMPLATES=1 drops
 * it at the end, BENCH_KEEP=1 keeps the copies.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isoWeekOf } from '@liftoff/shared';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { MIGRATIONS } from '../../server/dist/database/migrations';
import { LARGE_OPTIONS } from '../../server/dist/database/seed/portfolio-generator';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { seconds } from './large-database';
import { fillPortfolio, PORTFOLIO_CHUNK, replicatePortfolio } from './portfolio-builder';
import { settingsServiceFor } from './bench-services';

const PREFIX = 'liftoff_tpl_';
const SEED_BUILD = resolve(__dirname, '../../server/dist/database/seed');
const GENERATOR_FILES = ['portfolio-generator.js', 'pilot-history.js', 'portfolio-plan.js', 'bulk-insert.js', 'demo-clock.js', 'prng.js'];

type TemplateKind = 'raw' | 'swept';

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function exists(serverUrl: string, name: string): Promise<boolean> {
  return admin(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

function templateName(kind: TemplateKind, pilots: number): string {
  const hash = createHash('sha256');
  hash.update(MIGRATIONS.map((m) => m.name).join(','));
  for (const file of GENERATOR_FILES) hash.update(readFileSync(resolve(SEED_BUILD, file)));
  hash.update(isoWeekOf(new Date()));
  return `${PREFIX}${kind}_${pilots}_${hash.digest('hex').slice(0, 12)}`;
}

/** The template's name, after building it when there is none for this week, schema and generator. */
async function ensureTemplate(serverUrl: string, kind: TemplateKind, pilots: number): Promise<string> {
  const name = templateName(kind, pilots);
  const fresh = process.env.BENCH_FRESH === '1';
  if (!fresh && (await exists(serverUrl, name))) {
    console.log(`using template ${name} (BENCH_FRESH=1 rebuilds it)`);
    return name;
  }
  const started = Date.now();
  console.log(`building template ${name}`);
  const replicated = pilots > PORTFOLIO_CHUNK && pilots % PORTFOLIO_CHUNK === 0;
  const base = replicated ? await ensureTemplate(serverUrl, 'raw', PORTFOLIO_CHUNK) : null;
  const building = `${name}_b${randomBytes(3).toString('hex')}`;
  // FILE_COPY copies the files instead of writing every page to the WAL (much faster when large).
  await admin(serverUrl, (c) => c.query(base ? `CREATE DATABASE ${building} TEMPLATE ${base} STRATEGY FILE_COPY` : `CREATE DATABASE ${building}`));
  const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl(serverUrl, building), 10), logging: false });
  try {
    await dataSource.initialize();
    if (base) await replicatePortfolio(dataSource, pilots / PORTFOLIO_CHUNK - 1);
    else {
      await dataSource.runMigrations();
      await fillPortfolio(dataSource, pilots, new Date());
    }
    if (kind === 'swept') {
      const t = Date.now();
      const sweep = await new AnalysisService(dataSource, settingsServiceFor(dataSource), new DomainEvents()).sweep();
      console.log(`  swept in ${seconds(Date.now() - t)} (${sweep.flagsOpened} open flags)`);
    }
    await dataSource.destroy();
    // Older templates of this kind and size (not other runs' builds, which carry a suffix).
    const stale: { datname: string }[] = (await admin(serverUrl, (c) => c.query('SELECT datname FROM pg_database WHERE datname ~ $1', [`^${PREFIX}${kind}_${pilots}_[0-9a-f]{12}$`]))).rows;
    for (const { datname } of stale) if (datname !== name || fresh) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`));
    await admin(serverUrl, (c) => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`)).catch(async (error: unknown) => {
      // Another run built the same template meanwhile: use theirs.
      if (!(await exists(serverUrl, name))) throw error;
      await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    throw error;
  }
  console.log(`built template ${name} in ${seconds(Date.now() - started)}`);
  return name;
}

export interface CopiedDatabase {
  name: string;
  url: string;
  template: string;
  /** Drops the copy (unless BENCH_KEEP is set), and the template too with BENCH_DROP_TEMPLATES=1. */
  dispose(): Promise<void>;
}

/**
 * A fresh copy of the benchmark portfolio (5,000 pilots x 104 weeks by default), swept once or as
 * generated, named after `label`.
 */
export async function copyOfPortfolio(options: { label: string; swept: boolean; pilots?: number }): Promise<CopiedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own databases there');
  const template = await ensureTemplate(serverUrl, options.swept ? 'swept' : 'raw', options.pilots ?? LARGE_OPTIONS.pilots);
  const name = `liftoff_bench_${options.label}_${randomBytes(4).toString('hex')}`;
  const t = Date.now();
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`));
  console.log(`copied ${template} to ${name} in ${seconds(Date.now() - t)}`);
  return {
    name,
    url: databaseUrl(serverUrl, name),
    template,
    dispose: async () => {
      if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
      else await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      if (process.env.BENCH_DROP_TEMPLATES) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
    },
  };
}
