import { Client } from 'pg';
import { createOwnCluster, type OwnCluster } from '../support/own-cluster';
import { startServer, stopAllServers, type RunningServer } from '../support/server-process';
import { reportFigures } from './support/report';
import { adminToken, checkWrites, createLoadPortfolio, percentile, RELIABILITY_ADMIN, runUpdateLoad, type Attempt, type StoredUpdate } from './support/update-load';

const WARM_UP_MS = 4000;
const OUTAGE_MS = 3000;
const AFTER_MS = 5000;

/**
 * PostgreSQL restarts under a steady write load (a cluster of the suite's own on a free port; the shared
 * one is never stopped). While it is down the server answers 503 fast, never 500 and never a hang; it is
 * ready again within 5 s of PostgreSQL's return without a restart of its own; and every acknowledged
 * write is stored exactly once.
 */
describe('database restart under write load', () => {
  let cluster: OwnCluster | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await stopAllServers();
    await cluster?.drop();
  }, 60_000);

  it('answers 503 during the outage, is ready again within 5 s, and loses no acknowledged write', async () => {
    cluster = await createOwnCluster();
    server = await startServer({
      DATABASE_URL: cluster.url(),
      DATA_DIR: undefined,
      SEED_DEMO: 'false',
      SWEEP_ENABLED: 'false',
      SCHEDULED_MESSAGES_ENABLED: 'false',
      ADMIN_EMAIL: RELIABILITY_ADMIN.email,
      ADMIN_PASSWORD: RELIABILITY_ADMIN.password,
    });
    const baseUrl = server.baseUrl;
    const token = await adminToken(baseUrl);
    const portfolio = await createLoadPortfolio(baseUrl, token, 40);

    let stop = false;
    const load = runUpdateLoad({ baseUrl, token, portfolio, workers: 8, requestTimeoutMs: 10_000, retryPauseMs: 100, stop: () => stop });
    await new Promise((r) => setTimeout(r, WARM_UP_MS));
    const stoppingAt = Date.now();
    await cluster.stop();
    const downAt = Date.now();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const startingAt = Date.now();
    await cluster.start();
    const backAt = Date.now();
    let readyAt = 0;
    while (!readyAt && Date.now() - backAt < 30_000) {
      const ready = await fetch(`${baseUrl}/api/health/ready`).catch(() => null);
      if (ready?.status === 200) readyAt = Date.now();
      else await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, AFTER_MS));
    stop = true;
    const attempts = await load;

    const stored = await storedUpdates(cluster.url());
    const check = checkWrites(attempts, stored);
    const count = (list: Attempt[], status: number) => list.filter((a) => a.status === status).length;
    const statuses = [...new Set(attempts.map((a) => a.status))].sort();
    // Sent while PostgreSQL was down (stopped, and not yet being started again): each must be a fast 503.
    const startedDown = attempts.filter((a) => a.startedAt >= downAt && a.startedAt < startingAt);
    const downLatencies = startedDown.map((a) => a.endedAt - a.startedAt);
    // Running at some moment of the shutdown itself: each must be answered soon after PostgreSQL is down.
    const transition = attempts.filter((a) => a.startedAt < downAt && a.endedAt >= stoppingAt);
    const transitionAnsweredAfterDown = transition.map((a) => a.endedAt - downAt);
    const before = attempts.filter((a) => a.endedAt < stoppingAt && a.status === 201).map((a) => a.endedAt - a.startedAt);
    const max = (values: number[]) => Math.max(0, ...values);

    reportFigures('db-restart', [
      `write load: 8 workers posting weekly updates over 40 pilots (a 503 is retried after 100 ms); PostgreSQL stopped after ${WARM_UP_MS / 1000} s (fast shutdown, took ${downAt - stoppingAt} ms), down ${OUTAGE_MS / 1000} s, then started`,
      `requests: ${attempts.length} (${count(attempts, 201)} x 201, ${count(attempts, 503)} x 503, ${count(attempts, 409)} x 409 on a retry, ${count(attempts, 500)} x 500, ${count(attempts, 0)} without an answer)`,
      `sent while PostgreSQL was down: ${startedDown.length} (${count(startedDown, 503)} x 503), latency max ${max(downLatencies)} ms, p50 ${percentile(downLatencies, 50)} ms`,
      `running during the shutdown: ${transition.length} (${count(transition, 201)} x 201, ${count(transition, 503)} x 503), ${max(transitionAnsweredAfterDown) <= 0 ? 'all answered before PostgreSQL was fully down' : `the last answered ${max(transitionAnsweredAfterDown)} ms after PostgreSQL was fully down`}`,
      `for comparison, p50 latency of a write before the outage: ${percentile(before, 50)} ms (8 at once on a shared 2-core machine)`,
      `ready again ${readyAt ? readyAt - backAt : 'never'} ms after PostgreSQL's start command returned (${readyAt ? readyAt - startingAt : 'never'} ms after it was issued), without a restart of the app`,
      `acknowledged writes: ${check.acknowledged}; lost: ${check.lost.length}; stored twice: ${check.duplicated.length}; stored although the answer did not arrive: ${check.storedWithoutAnswer}`,
    ]);

    if (count(attempts, 500) > 0) console.log(server.output().split('\n').filter((line) => /"level":50|ERROR/.test(line)).slice(0, 10).join('\n'));
    expect(statuses.filter((status) => ![201, 503, 409].includes(status))).toEqual([]);
    expect(startedDown.length).toBeGreaterThan(0);
    expect(count(startedDown, 503)).toBe(startedDown.length);
    // "Fails within a second": 1 s, plus scheduling slack on a shared 2-core machine.
    expect(max(downLatencies)).toBeLessThan(1500);
    expect(max(transitionAnsweredAfterDown)).toBeLessThan(1500);
    expect(readyAt).toBeGreaterThan(0);
    expect(readyAt - backAt).toBeLessThanOrEqual(5000);
    expect(count(attempts.filter((a) => a.startedAt > readyAt), 201)).toBeGreaterThan(0);
    expect(check.acknowledged).toBeGreaterThan(0);
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
  }, 240_000);
});

async function storedUpdates(url: string): Promise<StoredUpdate[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<StoredUpdate>('SELECT id, summary FROM weekly_updates')).rows;
  } finally {
    await client.end();
  }
}
