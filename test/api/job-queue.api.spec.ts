import type { JobsOverview } from '@liftoff/shared';
import { JobQueue } from '../../server/src/jobs/job-queue';
import { startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';
import { waitUntil } from './support/row-lock';
import { createBasicPortfolio } from './support/fixtures';

/**
 * The job queue (pg-boss) with two app instances on one database, as two servers behind a load
 * balancer would run: each job is handled once, a schedule fires once, a failing handler is retried
 * with growing delays, and the nightly sweep runs through the queue. Polling is fast here
 * (JOBS_POLL_SECONDS, JOBS_CRON_CHECK_SECONDS); pg-boss's cron has a resolution of one minute.
 */
const FAST = { JOBS_POLL_SECONDS: '0.5', JOBS_CRON_CHECK_SECONDS: '1' };

interface Handled {
  instance: 'a' | 'b';
  n: number;
  at: number;
}

describe('job queue across two instances', () => {
  let instances: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  const queueOf = (t: TestApp) => t.app.get(JobQueue);
  /** Both instances handle `queue`, recording who handled what. */
  const workOnBoth = async (queue: string, handled: Handled[], fail?: (attempt: number) => boolean) => {
    for (const [instance, t] of [['a', a], ['b', b]] as const) {
      await queueOf(t).work<{ n: number }>(queue, async (data) => {
        handled.push({ instance, n: data.n, at: Date.now() });
        if (fail?.(handled.length)) throw new Error(`attempt ${handled.length} failed on purpose`);
      });
    }
  };
  const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

  let startedAt = 0;

  beforeAll(async () => {
    startedAt = Date.now();
    instances = await startTwoInstances({ ...FAST, SWEEP_ENABLED: 'true', SWEEP_CRON: '* * * * *' });
    ({ first: a, second: b } = instances);
  }, 120_000);

  afterAll(async () => {
    await instances?.close();
  }, 60_000);

  it('handles each job sent once exactly once, whichever instance takes it', async () => {
    const handled: Handled[] = [];
    await workOnBoth('test-once', handled);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, n) => queueOf(n % 2 ? a : b).send('test-once', { n })));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(await waitUntil(async () => handled.length >= 12, 20_000)).toBeGreaterThanOrEqual(0);
    // Several more polls of both instances: nothing is handled twice.
    await quiet(2000);
    expect(handled.map((h) => h.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    const [{ completed }] = await a.dataSource.query(`SELECT count(*)::int AS completed FROM pgboss.job WHERE name = 'test-once' AND state = 'completed'`);
    expect(completed).toBe(12);
  });

  it('makes many new queues at once on both instances without a deadlock', async () => {
    // Each new queue attaches a partition to pg-boss's job table; made side by side they used to deadlock.
    const names = Array.from({ length: 4 }, (_, i) => `burst-${i}-${Date.now()}`);
    const sent = await Promise.all([a, b].flatMap((t) => names.map((name, n) => queueOf(t).send(name, { n }))));
    expect(sent.every((id) => typeof id === 'string')).toBe(true);
    const [{ queues }] = await a.dataSource.query(`SELECT count(*)::int AS queues FROM pgboss.queue WHERE name = ANY($1)`, [names]);
    expect(queues).toBe(names.length);
  });

  it('drops a second send with the same singleton key while the first still waits', async () => {
    const later = new Date(Date.now() + 60_000);
    const first = await queueOf(a).send('test-singleton', { n: 1 }, { singletonKey: 'pilot-1', startAfter: later });
    const second = await queueOf(b).send('test-singleton', { n: 2 }, { singletonKey: 'pilot-1', startAfter: later });
    const other = await queueOf(b).send('test-singleton', { n: 3 }, { singletonKey: 'pilot-2', startAfter: later });
    expect(typeof first).toBe('string');
    expect(second).toBeNull();
    expect(typeof other).toBe('string');
  });

  it('fires a schedule once across both instances', async () => {
    // Within one minute of the clock (the cron's resolution), so a second legitimate firing cannot happen:
    // starting by second 15 leaves 45 s for the first firing (up to 15 s late on a loaded machine) and the 4 s after.
    const intoMinute = new Date().getSeconds();
    if (intoMinute > 15) await quiet((61 - intoMinute) * 1000);
    const handled: Handled[] = [];
    await workOnBoth('test-schedule', handled);
    await queueOf(a).schedule('test-schedule', '* * * * *', { n: 7 }, 'Europe/Berlin');
    await queueOf(b).schedule('test-schedule', '* * * * *', { n: 7 }, 'Europe/Berlin');
    expect(await waitUntil(async () => handled.length >= 1, 15_000)).toBeGreaterThanOrEqual(0);
    // Both instances check the schedule every second: a few more rounds.
    await quiet(4000);
    await queueOf(a).unschedule('test-schedule');
    expect(handled).toHaveLength(1);
    expect(handled[0].n).toBe(7);
  });

  it('retries a handler that fails twice, with a growing delay, until it succeeds', async () => {
    const handled: Handled[] = [];
    await workOnBoth('test-retry', handled, (attempt) => attempt <= 2);
    const id = await queueOf(a).send('test-retry', { n: 1 }, { retryLimit: 3, retryDelay: 1, retryBackoff: true });
    expect(await waitUntil(async () => {
      const [row] = await a.dataSource.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
      return row?.state === 'completed';
    }, 30_000)).toBeGreaterThanOrEqual(0);
    expect(handled).toHaveLength(3);
    const [first, second] = [handled[1].at - handled[0].at, handled[2].at - handled[1].at];
    // pg-boss waits retryDelay * 2^(retries so far) seconds, up to twice that with jitter: 1-2 s, then 2-4 s.
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    const [row] = await a.dataSource.query(`SELECT retry_count FROM pgboss.job WHERE id = $1`, [id]);
    expect(row.retry_count).toBe(2);
  });

  it('shows the program office each queue by state and the latest failures, without secrets', async () => {
    await queueOf(a).work('test-fails', async () => {
      throw new Error('could not reach postgres://liftoff_app:s3cr3t@db:5432/liftoff');
    });
    const id = await queueOf(b).send('test-fails', { n: 1 }, { retryLimit: 0 });
    expect(await waitUntil(async () => {
      const [row] = await a.dataSource.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
      return row?.state === 'failed';
    }, 20_000)).toBeGreaterThanOrEqual(0);
    const overview = (await b.http.get('/api/jobs').expect(200)).body as JobsOverview;
    const byName = new Map(overview.queues.map((queue) => [queue.name, queue]));
    expect(byName.get('test-fails')?.counts).toMatchObject({ failed: 1, active: 0, created: 0 });
    expect(byName.get('test-once')?.counts.completed).toBe(12);
    expect(byName.get('portfolio-sweep')?.schedule?.cron).toBe('* * * * *');
    expect([...byName.keys()].some((name) => name.startsWith('__pgboss__'))).toBe(false);
    const failure = overview.recentFailures.find((f) => f.jobId === id);
    expect(failure).toMatchObject({ queue: 'test-fails', willRetry: false });
    expect(failure?.error).toBe('could not reach postgres://[redacted]@db:5432/liftoff');
    expect(JSON.stringify(overview)).not.toContain('s3cr3t');
    // Every failure says when it happened.
    expect(overview.recentFailures.every((f) => typeof f.failedAt === 'string' && !Number.isNaN(Date.parse(f.failedAt)))).toBe(true);
    await (await a.as('pilot_lead')).get('/api/jobs').expect(403);
  });

  it('runs the nightly sweep through the queue, once, from SWEEP_CRON', async () => {
    const { pilot } = await createBasicPortfolio(a);
    const [diagnosis] = await a.dataSource.query(`SELECT readiness_score FROM pilot_diagnoses WHERE pilot_id = $1`, [pilot.id]);
    expect(diagnosis).toBeDefined();
    // A stored diagnosis that no longer matches the analysis: only a sweep puts it right.
    await a.dataSource.query(`UPDATE pilot_diagnoses SET readiness_score = readiness_score + 1 WHERE pilot_id = $1`, [pilot.id]);
    const sweepsBefore = await sweepJobs();
    expect(await waitUntil(async () => {
      const [row] = await a.dataSource.query(`SELECT readiness_score FROM pilot_diagnoses WHERE pilot_id = $1`, [pilot.id]);
      return row.readiness_score === diagnosis.readiness_score;
    }, 70_000)).toBeGreaterThanOrEqual(0);
    expect(await waitUntil(async () => (await sweepJobs()).completed > sweepsBefore.completed, 10_000)).toBeGreaterThanOrEqual(0);
    // One sweep per firing of the cron (each minute here), never one per instance.
    const minutesSinceStart = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
    expect((await sweepJobs()).all).toBeLessThanOrEqual(minutesSinceStart);
    const [schedule] = await a.dataSource.query(`SELECT cron FROM pgboss.schedule WHERE name = 'portfolio-sweep'`);
    expect(schedule.cron).toBe('* * * * *');
  }, 90_000);

  async function sweepJobs(): Promise<{ completed: number; all: number }> {
    const [row] = await a.dataSource.query(
      `SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*)::int AS "all" FROM pgboss.job WHERE name = 'portfolio-sweep'`,
    );
    return row;
  }
});
