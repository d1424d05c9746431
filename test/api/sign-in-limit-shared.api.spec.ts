import { DatabaseThrottlerStorage } from '../../server/src/auth/database-throttler-storage';
import { countRows, startTwoInstances, type TestApp, type TwoInstances } from './support/test-app';

/**
 * The sign-in rate limit is counted in the database: two app instances on one database (two servers behind
 * a load balancer, or two workers) let a client make LOGIN_RATE_LIMIT attempts in all, not that many each.
 */
describe('sign-in limit shared by every instance', () => {
  let instances: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  let storage: DatabaseThrottlerStorage;

  beforeAll(async () => {
    instances = await startTwoInstances({ LOGIN_RATE_LIMIT: '4' });
    ({ first: a, second: b } = instances);
    storage = new DatabaseThrottlerStorage(a.dataSource);
  }, 120_000);
  afterAll(() => instances?.close(), 60_000);
  // Each case starts from no attempts.
  beforeEach(() => a.dataSource.query('DELETE FROM attempt_windows'));

  const attempt = async (t: TestApp) => (await t.anonymous.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'guessing' })).status;

  it('refuses the fifth attempt whichever instance takes it, and tells when to try again', async () => {
    const statuses = [await attempt(a), await attempt(b), await attempt(a), await attempt(b), await attempt(a), await attempt(b)];
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await b.anonymous.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'guessing' }).expect(429);
    expect(Number(refused.headers['retry-after-login'] ?? refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts attempts made at the same moment on both instances, losing none', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i % 2 ? a : b)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('starts a new window once the last one ended', async () => {
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await storage.increment('window-test', 1500, 2));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([[1, false], [2, false], [3, true]]);
    expect(hits[0].timeToBlockExpire).toBe(0);
    // Seconds, rounded up, as the Retry-After header says them.
    expect(hits[2].timeToBlockExpire).toBeGreaterThanOrEqual(1);
    expect(hits[2].timeToBlockExpire).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1600));
    expect(await storage.increment('window-test', 1500, 2)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('clears the ended windows of other clients on the way, and keeps the ones still running', async () => {
    await a.dataSource.query(`INSERT INTO attempt_windows (key, hits, ends_at) SELECT 'ended-' || n, 3, now() - interval '1 minute' FROM generate_series(1, 30) n`);
    await a.dataSource.query(`INSERT INTO attempt_windows (key, hits, ends_at) VALUES ('running', 3, now() + interval '1 minute')`);
    await storage.increment('someone', 60_000, 10);
    // 20 of the 30 ended ones per attempt; the running window and the new one stay.
    expect(await countRows(a.dataSource, 'attempt_windows')).toBe(12);
    await storage.increment('someone', 60_000, 10);
    expect((await a.dataSource.query('SELECT key, hits FROM attempt_windows ORDER BY key')).map((r: { key: string; hits: number }) => `${r.key}:${r.hits}`)).toEqual(['running:3', 'someone:2']);
  });
});
