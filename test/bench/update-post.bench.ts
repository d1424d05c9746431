/**
 * Weekly update post benchmark: the `large` portfolio (5,000 pilots x 104 weeks, swept), served by the
 * real built server (`npm run build` first). Each post reports an open blocker again, a new blocker
 * and a reading per KPI (see update-posts.ts). Prints
 *   - p50 of posts one after another (one connection), against its floor: the same rows written by
 *     one bare INSERT statement through pg, one after another, into a second copy of the database;
 *   - req/s and p50/p99 at BENCH_CONNECTIONS (default 50) keep-alive connections from a second
 *     process for BENCH_SECONDS (default 10), against the floor's statements/s at as many connections;
 * and checks that the product and the floor stored the same rows, and that every post was answered 201.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- update-post
 *
 * Targets (issue 11): sequential p50 <= 4x the floor; >= 500 req/s at 50 connections with 0 errors.
 * Options: BENCH_POSTS (sequential posts, default 300), BENCH_KEEP=1 keeps the databases.
 */
import { Pool } from 'pg';
import { stopAllServers } from '../support/server-process';
import { BENCH_ACCOUNT, BENCH_SERVER_WORKERS, floorPool, machineLoad, ms, percentile, runGenerator, sequentialGetP50, startBenchServer } from './bench-server';
import { copyOfPortfolio, type CopiedDatabase } from './template-database';
import { floorInsert, planPosts, storedPosts, type PlannedPost } from './update-posts';

const SEQUENTIAL = Number(process.env.BENCH_POSTS ?? 300);
const WARM_UP = 30;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SEQ_TAG = 'Bench post';
const LOAD_TAG = 'Bench load';

async function postSequentially(baseUrl: string, cookie: string, posts: PlannedPost[]): Promise<number[]> {
  const times: number[] = [];
  for (const post of posts) {
    const t = performance.now();
    const res = await fetch(`${baseUrl}/api/pilots/${post.pilotId}/updates`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: post.body });
    const text = await res.text();
    times.push(performance.now() - t);
    if (res.status !== 201) throw new Error(`POST ${post.week} for ${post.pilotId}: ${res.status} ${text.slice(0, 300)}`);
  }
  return times.slice(WARM_UP);
}

async function floorSequentially(pg: Pool, posts: PlannedPost[], authorId: string): Promise<number[]> {
  const client = await pg.connect();
  try {
    const times: number[] = [];
    for (const post of posts) {
      const t = performance.now();
      await floorInsert(client, post, authorId);
      times.push(performance.now() - t);
    }
    return times.slice(WARM_UP);
  } finally {
    client.release();
  }
}

/** The floor at `CONNECTIONS` connections for `SECONDS`: statements per second and their latencies. */
async function floorUnderLoad(pg: Pool, posts: PlannedPost[], authorId: string): Promise<{ perSecond: number; times: number[] }> {
  let next = 0;
  const times: number[] = [];
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < end && next < posts.length) {
      const post = posts[next++];
      const t = performance.now();
      await floorInsert(pg, post, authorId);
      times.push(performance.now() - t);
    }
  }));
  return { perSecond: times.length / ((performance.now() - started) / 1000), times };
}

async function main(): Promise<void> {
  const databases: CopiedDatabase[] = [];
  const pools: Pool[] = [];
  try {
    const product = await copyOfPortfolio({ label: 'write', swept: true });
    databases.push(product);
    const floor = await copyOfPortfolio({ label: 'write_floor', swept: true });
    databases.push(floor);
    const productPg = new Pool({ connectionString: product.url, max: 2 });
    const floorPg = floorPool(floor.url, CONNECTIONS);
    pools.push(productPg, floorPg);
    const { server, cookie } = await startBenchServer(product.url);
    const { rows: [admin] } = await productPg.query<{ id: string }>('SELECT id FROM people WHERE email = $1', [BENCH_ACCOUNT.email]);
    // The floor's author must exist in its database too.
    await floorPg.query(`INSERT INTO people (id, name, email, role, version) VALUES ($1, 'Bench office', $2, 'program_office', 1)`, [admin.id, BENCH_ACCOUNT.email]);

    const sequential = await planPosts(productPg, SEQUENTIAL, 0, SEQ_TAG);
    const productTimes = await postSequentially(server.baseUrl, cookie, sequential);
    const floorTimes = await floorSequentially(floorPg, sequential, admin.id);
    const [productRows, floorRows] = await Promise.all([storedPosts(productPg, SEQ_TAG), storedPosts(floorPg, SEQ_TAG)]);
    if (productRows.length !== sequential.length || JSON.stringify(productRows) !== JSON.stringify(floorRows)) {
      const differs = productRows.findIndex((row, i) => row !== floorRows[i]);
      throw new Error(`the floor did not store the same rows as the product (${productRows.length} vs ${floorRows.length}; first difference:\n${productRows[differs]}\n${floorRows[differs]})`);
    }
    const p50 = percentile(productTimes, 50);
    const floorP50 = percentile(floorTimes, 50);
    console.log(machineLoad());
    console.log(`sequential, ${productTimes.length} posts after ${WARM_UP} to warm up (same rows checked in both databases):`);
    console.log(`  POST /api/pilots/:id/updates   p50 ${ms(p50)}, p90 ${ms(percentile(productTimes, 90))}, p99 ${ms(percentile(productTimes, 99))}`);
    console.log(`  floor: one bare INSERT          p50 ${ms(floorP50)}, p90 ${ms(percentile(floorTimes, 90))}, p99 ${ms(percentile(floorTimes, 99))}`);
    console.log(`  ratio p50: ${(p50 / floorP50).toFixed(1)}x (target <= 4x)`);
    // What any signed-in request costs here before its own work, in the same minutes.
    const signedIn = await sequentialGetP50(`${server.baseUrl}/api/auth/me`, { runs: 300, warmUp: 20, cookie });
    const live = await sequentialGetP50(`${server.baseUrl}/api/health/live`, { runs: 300, warmUp: 20, cookie });
    console.log(`  GET /api/health/live (HTTP and Nest, no session, no database) p50 ${ms(live)}; GET /api/auth/me (plus the session check) p50 ${ms(signedIn)}`);
    console.log(`  a signed-in request plus the floor's INSERT alone: ${((signedIn + floorP50) / floorP50).toFixed(1)}x the floor, before validation, blocker matching and the re-analysis`);

    // Enough distinct posts for 1,500 req/s; the floor writes the same ones into its own copy.
    const load = await planPosts(productPg, Math.ceil(1500 * SECONDS), SEQUENTIAL, LOAD_TAG);
    const report = await runGenerator({
      baseUrl: server.baseUrl, cookie, durationMs: SECONDS * 1000, connections: CONNECTIONS, timeoutMs: 30_000, reads: ['/api/health'], writeEvery: 1,
      pilotIds: [], weeks: [], writes: load,
    });
    const perSecond = report.requests / (report.elapsedMs / 1000);
    const { rows: [{ stored }] } = await productPg.query<{ stored: number }>('SELECT count(*)::int AS stored FROM weekly_updates WHERE summary LIKE $1', [`${LOAD_TAG} %`]);
    const floorLoad = await floorUnderLoad(floorPg, load, admin.id);
    console.log(machineLoad());
    console.log(`${CONNECTIONS} connections for ${(report.elapsedMs / 1000).toFixed(1)} s from a second process, ${BENCH_SERVER_WORKERS} server workers:`);
    console.log(`  POST /api/pilots/:id/updates   ${perSecond.toFixed(0)} req/s, p50 ${ms(percentile(report.latency.writes, 50))}, p99 ${ms(percentile(report.latency.writes, 99))}; `
      + `statuses ${Object.entries(report.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}; socket errors ${report.errors.length}; ${stored} rows stored for ${report.acknowledged.length} acknowledged`);
    console.log(`  floor: one bare INSERT          ${floorLoad.perSecond.toFixed(0)} statements/s, p50 ${ms(percentile(floorLoad.times, 50))}, p99 ${ms(percentile(floorLoad.times, 99))}`);
    console.log(`  ratio throughput: product is ${(perSecond / floorLoad.perSecond * 100).toFixed(0)}% of the floor (target >= 500 req/s, 0 errors)`);
    if (report.errors.length > 0 || report.refusals.length > 0) throw new Error(`errors under load: ${[...report.errors, ...report.refusals].slice(0, 5).join('\n')}`);
    if (stored !== report.acknowledged.length) throw new Error(`${report.acknowledged.length} posts acknowledged but ${stored} stored`);
  } finally {
    await stopAllServers();
    await Promise.all(pools.map((pool) => pool.end()));
    for (const database of databases) await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
