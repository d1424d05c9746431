/**
 * Cold start of the embedded default: `node server/dist/main.js` with no DATABASE_URL and a fresh
 * DATA_DIR, timed from spawn to the first 200 from /api/health (the demo is seeded and swept before the
 * server listens), then checked: the demo's program-office account signs in and sees the 64 pilots.
 * Floor, in the same run: a bare node process that copies the same build template as the app (the
 * one with today's demo seeded, when the build made it today), opens PGlite on it with the same
 * extensions (none) and shared buffers, and answers on node:http with the number of migrations the database holds
 * (checked against the app's list). The target is at most 3 s. `npm run build` first (it seeds the
 * demo template for the day).
 *
 *   npm run bench -- cold-start
 *
 * Options: BENCH_RUNS (default 3).
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { MIGRATIONS } from '../../server/dist/database/migrations';
import { readTemplateManifest, templateKindFor } from '../../server/dist/database/embedded-template';
import { SERVER_ENTRY, freePort } from '../support/server-process';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 3000;
const DEMO_PILOTS = 64;
const SERVER_DIST = resolve(__dirname, '../../server/dist');

/** The floor: copy the template, open PGlite, listen; /health answers with the migrations applied. */
const FLOOR_SCRIPT = `
const { fillFromTemplate } = require(${JSON.stringify(join(SERVER_DIST, 'database/embedded-template'))});
const { extensionsFor } = require(${JSON.stringify(join(SERVER_DIST, 'database/embedded-database'))});
const { DEFAULT_EMBEDDED_SHARED_BUFFERS } = require(${JSON.stringify(join(SERVER_DIST, 'database/embedded-settings'))});
const { PGlite } = require('@electric-sql/pglite');
const { createServer } = require('node:http');
(async () => {
  const dataDir = process.env.DATA_DIR;
  require('node:fs').mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const kind = fillFromTemplate(dataDir, { withDemo: true });
  if (kind !== process.env.EXPECTED_TEMPLATE) throw new Error('template ' + kind + ', the app got ' + process.env.EXPECTED_TEMPLATE);
  const db = await PGlite.create(dataDir, {
    extensions: extensionsFor(dataDir),
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=' + DEFAULT_EMBEDDED_SHARED_BUFFERS],
  });
  const { rows } = await db.query('SELECT count(*)::int AS n FROM migrations');
  createServer((req, res) => res.end(JSON.stringify({ migrations: rows[0].n }))).listen(Number(process.env.PORT), '127.0.0.1');
})().catch((e) => { console.error(e); process.exit(1); });
`;

interface Start {
  ms: number;
  stop(): Promise<void>;
  baseUrl: string;
}

/** Spawns a process and times it until `path` answers 200. */
/**
 * One probe with node:http: a refused connection costs next to nothing, where fetch() costs about a
 * millisecond of this process's CPU per try, taken from the two cores the server is starting on.
 */
function answersOk(url: string): Promise<boolean> {
  return new Promise((done) => {
    const req = get(url, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.once('error', () => done(false));
  });
}

async function timeStart(args: string[], env: Record<string, string>, path: string): Promise<Start> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' };
  delete childEnv.DATABASE_URL;
  delete childEnv.SEED_DEMO;
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: childEnv, cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c) => (log += c));
  child.stderr!.on('data', (c) => (log += c));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${log}`);
    if (await answersOk(`${baseUrl}${path}`)) break;
    if (performance.now() - started > 600_000) throw new Error(`never ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  return {
    ms,
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The product's answer: the demo is there and the published program-office sign-in works. */
async function demoPilots(baseUrl: string): Promise<number> {
  const office = DEMO_ACCOUNTS.find((a) => a.role === 'program_office')!;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl.replace('127.0.0.1', 'localhost') },
    body: JSON.stringify({ email: office.email, password: office.password }),
  });
  if (login.status !== 200) throw new Error(`demo sign-in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const pilots = await fetch(`${baseUrl}/api/pilots?pageSize=1`, { headers: { Cookie: cookie } });
  return ((await pilots.json()) as { total: number }).total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const manifest = readTemplateManifest();
  if (!manifest) throw new Error('No usable embedded template in server/dist: run "npm run build" first');
  const product: number[] = [];
  const floor: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const folder = mkdtempSync(join(tmpdir(), 'liftoff-bench-start-'));
    try {
      loads.push(loadavg()[0]);
      // Which template a start copies today: the demo one unless the build did not make it today.
      const template = templateKindFor(manifest, true, new Date());
      const app = await timeStart([SERVER_ENTRY], { DATA_DIR: join(folder, 'app') }, '/api/health');
      const pilots = await demoPilots(app.baseUrl);
      await app.stop();
      if (pilots !== DEMO_PILOTS) throw new Error(`the demo has ${pilots} pilots, expected ${DEMO_PILOTS}`);
      const bare = await timeStart(['-e', FLOOR_SCRIPT], { DATA_DIR: join(folder, 'floor'), EXPECTED_TEMPLATE: template }, '/health');
      const { migrations } = (await (await fetch(`${bare.baseUrl}/health`)).json()) as { migrations: number };
      await bare.stop();
      if (migrations !== MIGRATIONS.length || manifest.migrations.length !== MIGRATIONS.length) {
        throw new Error(`the floor's database holds ${migrations} migrations, the app has ${MIGRATIONS.length}`);
      }
      product.push(app.ms);
      floor.push(bare.ms);
      console.log(`run ${run + 1}: app ${seconds(app.ms)} (demo: ${pilots} pilots; ${template} template), floor ${seconds(bare.ms)} (${migrations} migrations), load ${loads.at(-1)!.toFixed(1)}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const ratio = median(product) / median(floor);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (at the runs' starts: ${loads.map((l) => l.toFixed(1)).join(', ')})`);
  console.log(`cold start to healthy with the demo seeded: median ${seconds(median(product))}`);
  console.log(`floor (copy the same template + bare PGlite open + node:http): median ${seconds(median(floor))}; ratio ${ratio.toFixed(2)}`);
  console.log(`target <= ${seconds(TARGET_MS)}: ${median(product) <= TARGET_MS ? 'met' : 'MISSED'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
