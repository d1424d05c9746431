/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and SQL rows of many shapes, only projected and compared here */
/**
 * Read paths on the `large` portfolio (5,000 pilots x 104 weekly updates, swept once as the nightly
 * job leaves it), served by the real built server (`npm run build` first). For every read endpoint
 * (overview, pilots list with each sort and filter, flags, blockers, scale queue, each call of the
 * pilot page) it measures the p50 of N requests over HTTP, and in the same run the p50 of its floor:
 * hand-written SQL computing the same answer on a pool of plain connections (JIT off there too). The
 * two answers are compared (see `read-floors.ts`); a mismatch fails the run. Targets (issue 11):
 * every endpoint at most 1.5x its floor, the overview under 100 ms. The p50 of `GET /api/auth/me`
 * (HTTP, the session check, one small query) is printed too, and a second ratio against floor plus
 * that request: for endpoints whose SQL takes a millisecond, the request itself is most of the time.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- reads
 *
 * Options: BENCH_PILOTS (default 5000), BENCH_RUNS (default 21), BENCH_FRESH=1 rebuilds the cached
 * template database, BENCH_KEEP=1 keeps the copy, BENCH_ONLY=<text> runs the cases whose name has it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { UNDERWAY_STAGES } from '@liftoff/shared';
import { startServer, stopAllServers } from '../support/server-process';
import { overviewCase } from './overview-floor';
import { listCases, pilotListCases, pilotPageCases, type BenchContext, type ReadCase } from './read-floors';
import { floorPool, sequentialGetP50 } from './bench-server';
import { copyOfPortfolio } from './template-database';

const EMAIL = 'bench-reads@example.com';
const PASSWORD = 'bench-reads-password-1';
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const PILOTS = Number(process.env.BENCH_PILOTS ?? 5000);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const loads = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

async function context(pool: Pool, get: (path: string) => Promise<any>): Promise<BenchContext> {
  const q = async (sql: string) => (await pool.query(sql)).rows[0];
  const settings = await get('/api/settings');
  return {
    unitId: (await q(`SELECT id FROM business_units ORDER BY name LIMIT 1`)).id,
    sponsorId: (await q(`SELECT sponsor_id AS id FROM pilots WHERE sponsor_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).id,
    pattern: (await q(`SELECT x->>'pattern' AS p FROM pilot_diagnoses, jsonb_array_elements(patterns) x GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).p,
    healthWeek: (await q(`SELECT week FROM weekly_updates GROUP BY week ORDER BY week DESC OFFSET 2 LIMIT 1`)).week,
    // A pilot page with a lot on it: piloting, the most open flags, then the most blockers.
    pilotId: (await q(
      `SELECT p.id FROM pilots p WHERE p.stage = 'piloting'
        ORDER BY (SELECT count(*) FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') DESC,
                 (SELECT count(*) FROM blockers b WHERE b.pilot_id = p.id) DESC, p.id LIMIT 1`)).id,
    scaleReadinessMin: settings.thresholds.scaleReadinessMin,
    underwayStages: UNDERWAY_STAGES,
  };
}

interface Row { name: string; product: number; floor: number; bytes: number; same: boolean }

async function measure(c: ReadCase, get: (path: string) => Promise<{ body: any; bytes: number }>, pool: Pool): Promise<Row> {
  // Warm both (plans, caches, JIT of the Node side), then alternate so both see the same load.
  for (let i = 0; i < 2; i++) {
    await get(c.path);
    await c.floor(pool);
  }
  const product: number[] = [];
  const floor: number[] = [];
  let last: { body: any; bytes: number } | null = null;
  let floorAnswer: unknown = null;
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    last = await get(c.path);
    product.push(performance.now() - t);
    t = performance.now();
    floorAnswer = await c.floor(pool);
    floor.push(performance.now() - t);
  }
  const productAnswer = c.project(last!.body);
  const same = isDeepStrictEqual(JSON.parse(JSON.stringify(productAnswer)), JSON.parse(JSON.stringify(floorAnswer)));
  if (!same) {
    console.error(`\n${c.name}: the floor's answer differs from the endpoint's`);
    console.error('  endpoint:', JSON.stringify(productAnswer).slice(0, 600));
    console.error('  floor:   ', JSON.stringify(floorAnswer).slice(0, 600));
  }
  return { name: c.name, product: median(product), floor: median(floor), bytes: last!.bytes, same };
}

/** A bare `node:http` server answering a small fixed JSON, printing its port. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'))
  .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;

/**
 * The p50 of a request to a bare `node:http` server in a process of its own, as the product's server
 * is: what any endpoint over HTTP costs with this client before a framework, a session or a database.
 */
async function bareHttpRoundTrip(): Promise<number> {
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [port] = (await once(child.stdout, 'data')) as [Buffer];
    return await sequentialGetP50(`http://127.0.0.1:${String(port).trim()}/`, { runs: RUNS * 10, warmUp: 20 });
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  console.log(`load average before: ${loads()}`);
  const database = await copyOfPortfolio({ label: 'reads', swept: true, pilots: PILOTS });
  const pool = floorPool(database.url, 10);
  let failed = false;
  try {
    const server = await startServer({ DATABASE_URL: database.url, SEED_DEMO: 'false', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DATA_DIR: undefined,
      // e.g. BENCH_SERVER_NODE_OPTIONS='-r test/bench/trace-queries.cjs' traces the server's statements.
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }, 180_000);
    const cookie = await signIn(server.baseUrl);
    const get = async (path: string) => {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie } });
      const text = await response.text();
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
      return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
    };
    const ctx = await context(pool, async (path) => (await get(path)).body);
    const only = process.env.BENCH_ONLY;
    const cases = [overviewCase(ctx), ...pilotListCases(ctx), ...listCases(ctx), ...pilotPageCases(ctx)].filter((c) => !only || c.name.includes(only));
    console.log(`${cases.length} endpoints, ${RUNS} requests each (p50), server ${server.baseUrl}, pilot page of ${ctx.pilotId}`);
    const request = await sequentialGetP50(`${server.baseUrl}/api/auth/me`, { runs: RUNS, warmUp: 2, cookie });
    // What the fixed stack costs before any of an endpoint's own work (many runs: these are short).
    const live = await sequentialGetP50(`${server.baseUrl}/api/health/live`, { runs: RUNS * 10, warmUp: 2, cookie });
    const bare = await bareHttpRoundTrip();
    console.log(`GET /api/auth/me (HTTP + session check + one small query): p50 ${request.toFixed(1)} ms`);
    console.log(`GET /api/health/live (HTTP + Nest's middleware chain, no session, no database): p50 ${live.toFixed(2)} ms`);
    console.log(`bare node:http round trip with this client (no framework, no session, no database): p50 ${bare.toFixed(2)} ms`);
    console.log(`${'endpoint'.padEnd(34)} ${'p50'.padStart(9)} ${'floor'.padStart(9)} ${'ratio'.padStart(6)} ${'vs floor+me'.padStart(11)}  ${'bytes'.padStart(9)}  same  load`);
    const rows: Row[] = [];
    for (const c of cases) {
      const row = await measure(c, get, pool);
      rows.push(row);
      const ratio = row.product / row.floor;
      console.log(
        `${row.name.padEnd(34)} ${row.product.toFixed(1).padStart(6)} ms ${row.floor.toFixed(1).padStart(6)} ms ${ratio.toFixed(2).padStart(5)}x ${(row.product / (row.floor + request)).toFixed(2).padStart(10)}x  ${String(row.bytes).padStart(9)}  ${row.same ? 'yes ' : 'NO  '}  ${loadavg()[0].toFixed(2)}${ratio > 1.5 ? '  (over 1.5x)' : ''}`,
      );
    }
    const over = rows.filter((r) => r.product / r.floor > 1.5);
    const overview = rows.find((r) => r.name === 'overview');
    console.log(`\nload average after: ${loads()}`);
    console.log(`${rows.length - over.length} of ${rows.length} endpoints within 1.5x of their floor${over.length ? `; over: ${over.map((r) => `${r.name} ${(r.product / r.floor).toFixed(2)}x`).join(', ')}` : ''}`);
    // An endpoint costs at least the bare round trip plus its floor's SQL (and with Nest, the liveness route's
    // chain): where that alone passes 1.5x the floor, the target cannot be met over HTTP, or on this stack.
    const beyond = (cost: number) => rows.filter((r) => r.floor + cost > 1.5 * r.floor);
    const names = (list: Row[]) => list.map((r) => `${r.name} ${r.floor.toFixed(2)} ms`).join(', ');
    console.log(`${beyond(bare).length} of ${rows.length} floors plus the bare round trip (${bare.toFixed(2)} ms) already pass 1.5x the floor${beyond(bare).length ? `: ${names(beyond(bare))}` : ''}`);
    console.log(`${beyond(live).length} of ${rows.length} floors plus GET /api/health/live (${live.toFixed(2)} ms) already pass 1.5x the floor`);
    if (overview) console.log(`overview p50 ${overview.product.toFixed(1)} ms (target < 100 ms)`);
    failed = rows.some((r) => !r.same);
    if (failed) console.error('some floors disagree with their endpoint: see above');
  } finally {
    await pool.end();
    await stopAllServers();
    await database.dispose();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
