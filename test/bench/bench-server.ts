/**
 * The built server (production build) on a benchmark database, with a program-office account, and the
 * load generator (test/reliability/support/load-generator.ts) run as a second process against it.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { preparingStatements } from '../../server/dist/database/prepared-statements';
import type { LoadPlan, LoadReport } from '../reliability/support/load-generator';
import { startServer, waitForServing, type RunningServer } from '../support/server-process';

export const BENCH_ACCOUNT = { email: 'bench-office@example.com', password: 'bench-office-password' };

/**
 * A pool for a floor: its connections prepare statements and turn JIT off as the server's do, so a
 * floor runs its SQL as the product's connections would.
 */
export function floorPool(connectionString: string, max: number): Pool {
  return new Pool({ connectionString, max, Client: preparingStatements(Client), options: '-c jit=off' });
}

export interface BenchServer {
  server: RunningServer;
  /** `Cookie` header of a program-office session. */
  cookie: string;
}

/** Server processes of the write and load benches: one per core of the 2-core machine (SERVER_WORKERS). */
export const BENCH_SERVER_WORKERS = Number(process.env.BENCH_SERVER_WORKERS ?? 2);

/** Starts the server with request logging at its production level (info), the nightly sweep off. */
export async function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  const server = await startServer(
    { DATABASE_URL: databaseUrl, SERVER_WORKERS: String(BENCH_SERVER_WORKERS), SEED_DEMO: 'false', SWEEP_ENABLED: 'false', SCHEDULED_MESSAGES_ENABLED: 'false', NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', ADMIN_EMAIL: BENCH_ACCOUNT.email, ADMIN_PASSWORD: BENCH_ACCOUNT.password, DATA_DIR: undefined,
      // e.g. BENCH_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS },
    180_000,
  );
  await waitForServing(server, BENCH_SERVER_WORKERS);
  const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_ACCOUNT) });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('liftoff_session='));
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  return { server, cookie: cookie.split(';')[0] };
}

const GENERATOR = resolve(__dirname, '../reliability/support/load-generator.ts');

/** Runs the load generator as its own process, so the load's timing does not share this event loop. */
export function runGenerator(plan: LoadPlan): Promise<LoadReport> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', GENERATOR], {
      env: { ...process.env, TS_NODE_PROJECT: resolve(__dirname, '../tsconfig.json') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out) as LoadReport) : fail(new Error(`load generator exited ${code}: ${err}`))));
    child.stdin.end(JSON.stringify(plan));
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 of `runs` GETs one after another, after `warmUp` unmeasured ones; any answer but 2xx fails the bench. */
export async function sequentialGetP50(url: string, { runs, warmUp, cookie }: { runs: number; warmUp: number; cookie?: string }): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const t = performance.now();
    const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
    await res.text();
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    if (run >= warmUp) times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

export function machineLoad(): string {
  const [one, five] = loadavg();
  return `machine: ${cpus().length} cores, load average ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min)`;
}
