/**
 * Dashboard benchmark: the `large` portfolio (5,000 pilots x 104 weekly updates), swept once like
 * the nightly job leaves it, served by the real built server (`npm run build` first), opened in
 * headless Chromium. Prints how long the portfolio overview, the pilots list and the stuck list take
 * to become usable: from navigation start to the moment their data is on screen (the overview's
 * tiles, all six charts and the oldest-blockers table; the first page of a table; the first group
 * of stuck signs), cold (new browser session, empty cache) and warm (reload), plus the time of the
 * overview's API call. The target for the overview is under 1.5 s.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:overview
 *
 * Options: BENCH_PILOTS (default 5000), BENCH_RUNS (default 5), BENCH_KEEP=1 keeps the database.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { startServer, stopAllServers } from '../support/server-process';
import { createLargeDatabase, seconds } from './large-database';
import { settingsServiceFor } from './bench-services';

const CHROMIUM = '/usr/bin/chromium';
const EMAIL = 'bench-office@example.com';
const PASSWORD = 'bench-office-password';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * Run in the page: the page's own clock (ms since navigation start) once its data is on screen,
 * false until then. Functions, not strings: the app's content security policy forbids eval.
 */
type ReadyCheck = () => number | false;
const READY: Record<'overview' | 'pilots' | 'stuck', ReadyCheck> = {
  overview: () =>
    document.querySelectorAll('.tile-value').length >= 5 && document.querySelectorAll('.recharts-surface').length >= 6
    && !!document.getElementById('oldest-blockers') && !document.querySelector('[aria-busy="true"]') && performance.now(),
  pilots: () => document.querySelectorAll('main table tbody tr').length >= 10 && performance.now(),
  stuck: () => document.querySelectorAll('.stuck-group').length >= 1 && performance.now(),
};

async function timeToReady(page: Page, load: () => Promise<unknown>, ready: ReadyCheck): Promise<number> {
  await load();
  const handle = await page.waitForFunction(ready, undefined, { timeout: 30_000, polling: 'raf' });
  return Number(await handle.jsonValue());
}

const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${label.padEnd(34)} median ${seconds(median)}, max ${seconds(sorted[sorted.length - 1])} (${times.map((t) => Math.round(t)).join(', ')} ms)`);
};

/** Where a cold load spends its time: every request's start and end on the page's clock. */
async function printWaterfall(page: Page): Promise<void> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname + new URL(r.name).search, start: Math.round(r.startTime), end: Math.round(r.responseEnd), bytes: r.encodedBodySize };
    }),
  );
  for (const e of entries) console.log(`    ${String(e.start).padStart(5)}-${String(e.end).padEnd(5)} ms ${String(e.bytes).padStart(8)} B ${e.name}`);
}

async function measurePage(browser: Browser, baseUrl: string, storageState: string, path: string, ready: ReadyCheck): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, storageState: JSON.parse(storageState) });
    const page = await context.newPage();
    cold.push(await timeToReady(page, () => page.goto(`${baseUrl}${path}`), ready));
    if (run === 0 && process.env.BENCH_TRACE) await printWaterfall(page);
    warm.push(await timeToReady(page, () => page.reload(), ready));
    await context.close();
  }
  summary(`${path} cold (new session)`, cold);
  summary(`${path} warm (reload)`, warm);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  if (!existsSync(resolve(__dirname, '../../client/dist/index.html'))) throw new Error('client/dist is missing: run "npm run build" first');
  const database = await createLargeDatabase({ pilots: process.env.BENCH_PILOTS ? Number(process.env.BENCH_PILOTS) : undefined });
  let browser: Browser | null = null;
  try {
    const sweep = await new AnalysisService(database.dataSource, settingsServiceFor(database.dataSource), new DomainEvents()).sweep();
    console.log(`swept ${sweep.pilots} pilots in ${seconds(sweep.durationMs)} (${sweep.flagsOpened} open flags)`);
    const server = await startServer({ DATABASE_URL: database.url, SEED_DEMO: 'false', ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DATA_DIR: undefined }, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const context = await browser.newContext();
    const login = await context.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: EMAIL, password: PASSWORD } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
    const storageState = JSON.stringify(await context.storageState());

    const api: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const response = await context.request.get(`${server.baseUrl}/api/portfolio/overview`);
      if (!response.ok()) throw new Error(`overview API: ${response.status()}`);
      await response.body();
      api.push(performance.now() - t);
    }
    await context.close();
    summary('GET /api/portfolio/overview', api);
    await measurePage(browser, server.baseUrl, storageState, '/', READY.overview);
    await measurePage(browser, server.baseUrl, storageState, '/pilots', READY.pilots);
    await measurePage(browser, server.baseUrl, storageState, '/stuck', READY.stuck);
  } finally {
    await browser?.close();
    await stopAllServers();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
