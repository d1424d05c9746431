/**
 * Sweep benchmark: builds the `large` dataset (5,000 pilots x 104 weekly updates) with the demo
 * generator on a real PostgreSQL, runs the full portfolio sweep, and prints its time next to a
 * hand-written single-SQL floor for the heaviest rule (repeated blockers).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sweep
 *
 * Options: BENCH_PILOTS (default 5000), BENCH_POOL (connections, default 10; 1 runs the embedded
 * database's single-connection path), BENCH_KEEP=1 keeps the database for inspection.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { insertPortfolio } from '../../server/dist/database/seed/bulk-insert';
import { LARGE_OPTIONS, generatePortfolio } from '../../server/dist/database/seed/portfolio-generator';
import { SettingsService } from '../../server/dist/settings/settings.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { REPEATED_BLOCKER_FLOOR_SQL } from './repeated-blocker-floor';

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server; the benchmark makes its own database there');
  const pilots = Number(process.env.BENCH_PILOTS ?? LARGE_OPTIONS.pilots);
  const name = `liftoff_bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...buildDataSourceOptions(url.toString(), Number(process.env.BENCH_POOL ?? 10)), logging: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    let t = Date.now();
    const rows = generatePortfolio({ ...LARGE_OPTIONS, pilots, today: new Date() });
    console.log(`generated ${rows.pilots.length} pilots, ${rows.weekly_updates.length} updates, ${rows.kpi_readings.length} KPI readings in ${seconds(Date.now() - t)}`);
    t = Date.now();
    await dataSource.transaction((manager) => insertPortfolio(manager, rows));
    await dataSource.query('ANALYZE');
    console.log(`inserted in ${seconds(Date.now() - t)}`);

    const analysis = new AnalysisService(dataSource, new SettingsService(dataSource));
    for (const label of ['first sweep (opens flags)', 'second sweep (refreshes flags)']) {
      const result = await analysis.sweep();
      console.log(`${label}: ${seconds(result.durationMs)} for ${result.pilots} pilots = ${Math.round(result.pilots / (result.durationMs / 1000))} pilots/s; opened ${result.flagsOpened}, resolved ${result.flagsResolved}`);
    }
    t = Date.now();
    const floor = await dataSource.query(REPEATED_BLOCKER_FLOOR_SQL, [3]);
    console.log(`single-SQL floor, repeated_blocker only: ${seconds(Date.now() - t)} (${floor.length} blockers with >= 3 consecutive mentions)`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (!process.env.BENCH_KEEP) await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
