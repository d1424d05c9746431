/**
 * Mixed load benchmark: the `large` portfolio (5,000 pilots x 104 weeks, swept), served by the real
 * built server (`npm run build` first), under BENCH_CONNECTIONS (default 64) keep-alive connections
 * from a second process (test/reliability/support/load-generator.ts) for BENCH_SECONDS (default 20):
 * 4 reads to 1 weekly update post. Reads go round the pilots list, the nine calls of a pilot page
 * (for 200 different pilots), the open flags, the flags by pilot and the scale queue; posts are those
 * of update-post.bench.ts (an open blocker again, a new one, a reading per KPI).
 *
 * Its floor is the same connections asking the server's liveness route (no database, no session):
 * what HTTP, the framework and this machine allow at all, measured in the same run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- mixed-load
 *
 * Target (issue 11): >= 1,000 req/s with p99 < 250 ms, no errors.
 */
import { Pool } from 'pg';
import { stopAllServers } from '../support/server-process';
import { BENCH_SERVER_WORKERS, machineLoad, ms, percentile, runGenerator, startBenchServer } from './bench-server';
import { copyOfPortfolio, type CopiedDatabase } from './template-database';
import { planPosts } from './update-posts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TAG = 'Bench mixed';

const pilotPage = (id: string) => [
  `/api/pilots/${id}`, `/api/pilots/${id}/kpis`, `/api/pilots/${id}/updates?page=1&pageSize=50`, `/api/pilots/${id}/flags`, `/api/pilots/${id}/diagnosis`,
  `/api/pilots/${id}/blockers`, `/api/pilots/${id}/decisions?pageSize=50`, `/api/pilots/${id}/stage-changes`, `/api/pilots/${id}/assessments`,
];

async function main(): Promise<void> {
  let database: CopiedDatabase | undefined;
  let pg: Pool | undefined;
  try {
    database = await copyOfPortfolio({ label: 'mixed', swept: true });
    pg = new Pool({ connectionString: database.url, max: 2 });
    const { server, cookie } = await startBenchServer(database.url);
    const { rows } = await pg.query<{ id: string }>('SELECT id FROM pilots ORDER BY md5(id::text) LIMIT 200');
    const lists = ['/api/pilots?page=1&pageSize=25&sort=lastUpdateAt&order=desc', '/api/flags?status=open', '/api/flags/by-pilot', '/api/scale-queue', '/api/pilots?page=3&pageSize=25'];
    const reads = rows.flatMap((row, i) => [...pilotPage(row.id), lists[i % lists.length]]);
    const writes = await planPosts(pg, Math.ceil((1500 * SECONDS) / 5), 0, TAG);

    const floor = await runGenerator({ baseUrl: server.baseUrl, cookie, durationMs: 5000, connections: CONNECTIONS, timeoutMs: 30_000, reads: ['/api/health/live'], writeEvery: 1e9, pilotIds: [], weeks: [] });
    const report = await runGenerator({ baseUrl: server.baseUrl, cookie, durationMs: SECONDS * 1000, connections: CONNECTIONS, timeoutMs: 30_000, reads, writeEvery: 5, pilotIds: [], weeks: [], writes });
    const { rows: [{ stored }] } = await pg.query<{ stored: number }>('SELECT count(*)::int AS stored FROM weekly_updates WHERE summary LIKE $1', [`${TAG} %`]);

    const all = [...report.latency.reads, ...report.latency.writes];
    const perSecond = report.requests / (report.elapsedMs / 1000);
    const floorPerSecond = floor.requests / (floor.elapsedMs / 1000);
    console.log(machineLoad());
    console.log(`${CONNECTIONS} connections for ${(report.elapsedMs / 1000).toFixed(1)} s from a second process, ${BENCH_SERVER_WORKERS} server workers, 4 reads to 1 weekly update post:`);
    console.log(`  mixed load                 ${perSecond.toFixed(0)} req/s; p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}`);
    console.log(`    reads                    p50 ${ms(percentile(report.latency.reads, 50))}, p99 ${ms(percentile(report.latency.reads, 99))} (${report.latency.reads.length})`);
    console.log(`    update posts             p50 ${ms(percentile(report.latency.writes, 50))}, p99 ${ms(percentile(report.latency.writes, 99))} (${report.latency.writes.length}; ${stored} stored for ${report.acknowledged.length} acknowledged)`);
    console.log(`    statuses ${Object.entries(report.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}; socket errors and timeouts ${report.errors.length}`);
    console.log(`  floor: GET /api/health/live ${floorPerSecond.toFixed(0)} req/s; p50 ${ms(percentile(floor.latency.reads, 50))}, p99 ${ms(percentile(floor.latency.reads, 99))}`);
    console.log(`  ratio: the mixed load runs at ${((perSecond / floorPerSecond) * 100).toFixed(0)}% of the floor's rate (target >= 1,000 req/s, p99 < 250 ms)`);
    if (report.errors.length > 0 || report.refusals.length > 0) console.log(`  first failures:\n    ${[...report.errors, ...report.refusals].slice(0, 5).map((f) => f.slice(0, 300)).join('\n    ')}`);
    if (stored !== report.acknowledged.length) throw new Error(`${report.acknowledged.length} posts acknowledged but ${stored} stored`);
  } finally {
    await stopAllServers();
    await pg?.end();
    await database?.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
