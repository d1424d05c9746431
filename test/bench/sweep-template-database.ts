/**
 * Benchmark portfolios of any size, built once and kept as template databases so that reruns only
 * copy them (seconds instead of minutes at 50,000 pilots). A template is named by its size, the
 * day it was generated for (the generator dates everything back from "now") and the latest
 * migration, so a schema change or a new day builds a fresh one. A portfolio of a multiple of 5,000
 * pilots above 5,000 is the 5,000-pilot template copied inside PostgreSQL as often as needed, each
 * copy's pilots and everything they own under new ids (the same people and business units):
 * generating 50,000 pilots in Node would take most of an hour and gigabytes of memory. Other sizes
 * are generated and inserted in chunks of 5,000 (one chunk in memory at a time), each chunk a
 * portfolio of its own seed sharing the first chunk's business units.
 *
 * Templates stay on the server for the next run: `BENCH_DROP_TEMPLATES=1` drops this run's template
 * at the end, and `DROP DATABASE` drops any by hand (they are named `liftoff_tpl_*`).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { MIGRATIONS } from '../../server/dist/database/migrations';
import { insertPortfolio } from '../../server/dist/database/seed/bulk-insert';
import { LARGE_OPTIONS, generatePortfolio, type PortfolioRows } from '../../server/dist/database/seed/portfolio-generator';
import { seconds, type LargeDatabase } from './large-database';

const CHUNK = 5000;
const READY = 'liftoff benchmark template: complete';

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
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

/** The template's name: size, generation day and schema version. */
function templateName(pilots: number, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const schemaTag = MIGRATIONS.at(-1)?.name.replace(/[^0-9]/g, '') || 'none';
  return `liftoff_tpl_${pilots}_${day}_${schemaTag}`;
}

/** Chunk `index` of a chunked portfolio: its own seed, the first chunk's business units, unique e-mails. */
function chunkRows(index: number, pilots: number, now: Date, units: Map<number, string> | null): PortfolioRows {
  const rows = generatePortfolio({ ...LARGE_OPTIONS, seed: LARGE_OPTIONS.seed + index, pilots, now });
  if (index === 0 || !units) return rows;
  const remap = new Map<string, string>();
  rows.business_units.forEach((unit, position) => remap.set(unit.id as string, units.get(position)!));
  rows.business_units = [];
  for (const person of rows.people) person.email = `c${index}-${String(person.email)}`;
  for (const table of [rows.people, rows.pilots]) {
    for (const row of table) if (typeof row.business_unit_id === 'string') row.business_unit_id = remap.get(row.business_unit_id) ?? row.business_unit_id;
  }
  return rows;
}

/** Tables a pilot owns, in insert order, and the columns that point at them (remapped in each copy). */
const OWNED_TABLES = ['pilots', 'stage_changes', 'kpis', 'blockers', 'weekly_updates', 'kpi_readings', 'update_blockers', 'blocker_wordings', 'readiness_assessments', 'decisions'];
const OWNED_REFERENCES = new Set(['id', 'pilot_id', 'pivoted_from_id', 'resulting_pilot_id', 'supersedes_id', 'kpi_id', 'update_id', 'blocker_id']);

/** Adds `copies` copies of every pilot's data under new ids (md5 of the old id and the copy number). */
async function replicate(dataSource: DataSource, copies: number): Promise<void> {
  for (const table of OWNED_TABLES) {
    const columns: { column_name: string; data_type: string; column_default: string | null }[] = await dataSource.query(
      `SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const kept = columns.filter((c) => !(c.column_name === 'id' && c.data_type !== 'uuid'));
    const names = kept.map((c) => `"${c.column_name}"`).join(', ');
    const values = kept
      .map((c) => (c.data_type === 'uuid' && OWNED_REFERENCES.has(c.column_name) ? `md5("${c.column_name}"::text || '-' || n)::uuid` : `"${c.column_name}"`))
      .join(', ');
    const t = Date.now();
    await dataSource.query(`INSERT INTO ${table} (${names}) SELECT ${values} FROM ${table} CROSS JOIN generate_series(1, $1) AS n`, [copies]);
    console.log(`  replicated ${table} x${copies + 1} in ${seconds(Date.now() - t)}`);
  }
}

async function buildTemplate(serverUrl: string, name: string, pilots: number, now: Date): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  if (pilots > CHUNK && pilots % CHUNK === 0) {
    const base = templateName(CHUNK, now);
    if (!(await isReady(serverUrl, base))) await buildTemplate(serverUrl, base, CHUNK, now);
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${base} STRATEGY FILE_COPY`));
    const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl(serverUrl, name), 2), logging: false });
    await dataSource.initialize();
    try {
      await replicate(dataSource, pilots / CHUNK - 1);
      await dataSource.query('VACUUM ANALYZE');
    } finally {
      await dataSource.destroy();
    }
    await admin(serverUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${READY}'`));
    return;
  }
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl(serverUrl, name), 2), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    let units: Map<number, string> | null = null;
    for (let index = 0, done = 0; done < pilots; index += 1, done += CHUNK) {
      const t = Date.now();
      const rows = chunkRows(index, Math.min(CHUNK, pilots - done), now, units);
      if (index === 0) units = new Map(rows.business_units.map((unit, position) => [position, unit.id as string]));
      await dataSource.transaction((manager) => insertPortfolio(manager, rows));
      console.log(`template ${name}: chunk ${index + 1} (${rows.pilots.length} pilots, ${rows.weekly_updates.length} updates) in ${seconds(Date.now() - t)}`);
    }
    await dataSource.query('VACUUM ANALYZE');
  } finally {
    await dataSource.destroy();
  }
  await admin(serverUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${READY}'`));
}

function isReady(serverUrl: string, name: string): Promise<boolean> {
  return admin(serverUrl, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [name]);
    return rows[0]?.note === READY;
  });
}

/**
 * A fresh database copied from the template of this size (built first when missing), with a pool
 * of `poolSize` connections. `dispose()` drops the copy; the template stays.
 */
export async function templateDatabase(options: { pilots: number; poolSize: number; now: Date }): Promise<LargeDatabase & { template: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own databases there');
  const template = templateName(options.pilots, options.now);
  if (!(await isReady(serverUrl, template))) {
    const t = Date.now();
    await buildTemplate(serverUrl, template, options.pilots, options.now);
    console.log(`built template ${template} in ${seconds(Date.now() - t)}`);
  } else {
    console.log(`using template ${template}`);
  }
  const name = `liftoff_speed_sweep_${randomBytes(4).toString('hex')}`;
  const t = Date.now();
  // FILE_COPY copies the files instead of writing every page to the WAL (much faster when large).
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`));
  console.log(`copied to ${name} in ${seconds(Date.now() - t)}`);
  const url = databaseUrl(serverUrl, name);
  const dataSource = new DataSource({ ...buildDataSourceOptions(url, options.poolSize), logging: false });
  await dataSource.initialize();
  const dispose = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    if (process.env.BENCH_DROP_TEMPLATES) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
  return { url, dataSource, dispose, template };
}
