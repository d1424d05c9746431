/**
 * Sweep benchmark: the full portfolio sweep (`AnalysisService.sweep()`, the code the nightly job and
 * `POST /api/sweeps` run) against a set-based SQL floor of every rule (`sweep-floor/`, one
 * statement per rule), on the benchmark portfolio (N pilots x 104 weekly updates) in a real
 * PostgreSQL, both measured in the same run:
 *  - first sweep: opens the flags and writes every diagnosis;
 *  - second sweep, nothing changed: must write no row (counted in pg_stat_user_tables);
 *  - the floor's flags must be the product's open flags (pilot, kind, subject, start), rule by rule;
 *  - the Node process's peak RSS and heap while sweeping (batches are streamed, so it must not
 *    grow with the portfolio).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sweep
 *
 * Options: BENCH_SIZES (pilots, comma-separated, default 5000; BENCH_PILOTS is read too),
 * BENCH_RUNS (runs per size, default 1), BENCH_POOL (connections, default 10; 1 runs the embedded
 * database's single-connection path), BENCH_KEEP=1 keeps the copies, BENCH_DROP_TEMPLATES=1 drops
 * the cached templates (see template-database.ts).
 */
import os from 'node:os';
import { DEFAULT_THRESHOLDS } from '@liftoff/shared';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { DispatchTrigger } from '../../server/dist/notifications/dispatch-trigger';
import { OutboxEventSources } from '../../server/dist/notifications/outbox-event-sources';
import { OutboxService } from '../../server/dist/notifications/outbox.service';
import { seconds } from './large-database';
import { RULE_FLOORS } from './sweep-floor';
import { copyOfPortfolio } from './template-database';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { benchConfig, settingsServiceFor } from './bench-services';

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak RSS and heap of this process while `work` runs, sampled every 10 ms. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

/** Rows inserted, updated and deleted in the database so far (backends report at exit, so the pool is recycled first). */
async function rowsWritten(dataSource: DataSource): Promise<{ ins: number; upd: number; del: number }> {
  await dataSource.destroy();
  await sleep(300);
  await dataSource.initialize();
  const [row] = await dataSource.query(
    `SELECT sum(n_tup_ins)::float8 AS ins, sum(n_tup_upd)::float8 AS upd, sum(n_tup_del)::float8 AS del FROM pg_stat_user_tables`,
  );
  return row;
}

interface FlagKey {
  pilot_id: string;
  kind: string;
  subject_key: string;
  since: string | null;
}
const keyOf = (r: FlagKey) => `${r.pilot_id}|${r.kind}|${r.subject_key}|${r.since}`;

/** Runs every rule's floor, one statement after another on one connection; returns the time and the mismatches. */
async function floor(dataSource: DataSource, today: string): Promise<{ ms: number; perRule: string[]; mismatches: number }> {
  const product: FlagKey[] = await dataSource.query(
    `SELECT pilot_id, kind::text AS kind, subject_key, condition_since::text AS since FROM signal_flags WHERE status = 'open'`,
  );
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let total = 0;
  let mismatches = 0;
  const perRule: string[] = [];
  try {
    await runner.query(`SELECT set_config('jit', 'off', false), set_config('work_mem', '128MB', false), set_config('max_parallel_workers_per_gather', '0', false)`);
    for (const [kind, rule] of Object.entries(RULE_FLOORS)) {
      const t = Date.now();
      // Typed here once: not every rule reads both parameters.
      const rows: FlagKey[] = await runner.query(`SELECT * FROM (${rule.sql}) f WHERE $1::date IS NOT NULL AND $2::jsonb IS NOT NULL`, [today, JSON.stringify(DEFAULT_THRESHOLDS)]);
      const ms = Date.now() - t;
      total += ms;
      const expected = new Set(product.filter((r) => r.kind === kind).map(keyOf));
      const got = new Set(rows.map(keyOf));
      const missing = [...expected].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !expected.has(k));
      mismatches += missing.length + extra.length;
      perRule.push(`${kind} ${ms} ms, ${got.size} flags${missing.length + extra.length ? ` MISMATCH: ${missing.length} missing (${missing.slice(0, 2).join(', ')}), ${extra.length} extra (${extra.slice(0, 2).join(', ')})` : ''}`);
    }
  } finally {
    await runner.release();
  }
  return { ms: total, perRule, mismatches };
}

async function benchSize(pilots: number, runs: number, poolSize: number): Promise<boolean> {
  const now = new Date();
  const database = await copyOfPortfolio({ label: 'sweep', swept: false, pilots });
  const dataSource = new DataSource({ ...buildDataSourceOptions(database.url, poolSize), logging: false });
  let ok = true;
  try {
    await dataSource.initialize();
    // As in the app: analysis changes go into the outbox in the sweep's transactions (the dispatcher is not started).
    const events = new DomainEvents();
    new OutboxEventSources(events, new OutboxService(new DispatchTrigger(dataSource)), dataSource, benchConfig()).onModuleInit();
    const analysis = new AnalysisService(dataSource, settingsServiceFor(dataSource, events), events);
    for (let run = 1; run <= runs; run += 1) {
      if (run > 1) {
        await dataSource.query('TRUNCATE signal_flags, pilot_diagnoses, outbox_events CASCADE');
        await dataSource.query('VACUUM ANALYZE signal_flags, pilot_diagnoses');
      }
      const before = await rowsWritten(dataSource);
      const loadBefore = load();
      const first = await withPeakMemory(() => analysis.sweep(new Date()));
      const afterFirst = await rowsWritten(dataSource);
      const second = await withPeakMemory(() => analysis.sweep(new Date()));
      const afterSecond = await rowsWritten(dataSource);
      const fl = await floor(dataSource, now.toISOString().slice(0, 10));
      const written = (a: typeof before, b: typeof before) => `${b.ins - a.ins} inserted, ${b.upd - a.upd} updated, ${b.del - a.del} deleted`;
      const unchangedWrites = afterSecond.ins - afterFirst.ins + afterSecond.upd - afterFirst.upd + afterSecond.del - afterFirst.del;
      console.log(`\n== ${pilots} pilots, run ${run}/${runs}, pool ${poolSize}, load average ${loadBefore} (1/5/15 min) before, ${load()} after`);
      console.log(`first sweep:  ${seconds(first.result.durationMs)} (${Math.round(first.result.pilots / (first.result.durationMs / 1000))} pilots/s), opened ${first.result.flagsOpened}; wrote ${written(before, afterFirst)}; peak RSS ${mib(first.rss)}, heap ${mib(first.heap)}`);
      console.log(`second sweep: ${seconds(second.result.durationMs)} (${Math.round(second.result.pilots / (second.result.durationMs / 1000))} pilots/s), opened ${second.result.flagsOpened}, resolved ${second.result.flagsResolved}; wrote ${written(afterFirst, afterSecond)}; peak RSS ${mib(second.rss)}, heap ${mib(second.heap)}`);
      console.log(`floor, every rule (${Object.keys(RULE_FLOORS).length} statements on one connection): ${seconds(fl.ms)}`);
      for (const line of fl.perRule) console.log(`  ${line}`);
      console.log(`ratio first sweep / floor: ${(first.result.durationMs / fl.ms).toFixed(2)}x; second sweep / floor: ${(second.result.durationMs / fl.ms).toFixed(2)}x`);
      console.log(`floor equals product: ${fl.mismatches === 0 ? 'yes' : `NO (${fl.mismatches} differences)`}; unchanged sweep wrote ${unchangedWrites} rows${unchangedWrites === 0 ? '' : ' (EXPECTED 0)'}`);
      if (fl.mismatches > 0 || unchangedWrites > 0) ok = false;
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.dispose();
  }
  return ok;
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? process.env.BENCH_PILOTS ?? '5000').split(',').map((s) => Number(s.trim()));
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  const poolSize = Number(process.env.BENCH_POOL ?? 10);
  let ok = true;
  for (const pilots of sizes) ok = (await benchSize(pilots, runs, poolSize)) && ok;
  if (!ok) {
    console.error('\nThe floor disagreed with the product or an unchanged sweep wrote rows (see above).');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
