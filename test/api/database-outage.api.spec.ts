import { createOwnCluster, type OwnCluster } from '../support/own-cluster';
import { startTestApp, type TestApp } from './support/test-app';
import { createBasicPortfolio } from './support/fixtures';

/**
 * Fail fast, recover alone: on a cluster of the test's own (the shared one is never stopped), the app
 * answers 503 with Retry-After within a second while PostgreSQL is down, never a 500 and never a hang;
 * liveness stays 200 and readiness says 503; once PostgreSQL is back the pool reconnects by itself.
 */
describe('while the database is down', () => {
  let cluster: OwnCluster;
  let t: TestApp;
  let pilotId: string;

  beforeAll(async () => {
    cluster = await createOwnCluster();
    t = await startTestApp({}, { env: { DATABASE_URL: cluster.url() }, drop: async () => undefined });
    pilotId = (await createBasicPortfolio(t)).pilot.id;
  }, 180_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await cluster?.drop();
  }, 60_000);

  /** Status, elapsed ms, Retry-After and body of one request. */
  const timed = async (request: PromiseLike<{ status: number; headers: Record<string, string>; body: unknown }>) => {
    const started = performance.now();
    const res = await request;
    return { status: res.status, ms: performance.now() - started, retryAfter: res.headers['retry-after'], body: res.body as Record<string, unknown> };
  };

  it('is live and ready while the database answers', async () => {
    expect((await t.anonymous.get('/api/health/live')).status).toBe(200);
    const ready = await t.anonymous.get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect((await t.anonymous.get('/api/health')).body).toMatchObject({ status: 'ok', database: 'external' });
  });

  it('answers 503 with Retry-After within a second, stays live, and recovers without a restart', async () => {
    await cluster.stop();
    try {
      const requests = {
        'GET /api/pilots': () => t.http.get('/api/pilots'),
        'GET /api/pilots/:id': () => t.http.get(`/api/pilots/${pilotId}`),
        'POST /api/business-units': () => t.http.post('/api/business-units').send({ name: 'During the outage' }),
        'GET /api/health': () => t.anonymous.get('/api/health'),
        'GET /api/health/ready': () => t.anonymous.get('/api/health/ready'),
      };
      // Twice: the first round meets the pool's dead connections, the second opens new ones.
      for (let round = 0; round < 2; round++) {
        for (const [name, send] of Object.entries(requests)) {
          const res = await timed(send());
          expect({ name, status: res.status, retryAfter: res.retryAfter }).toEqual({ name, status: 503, retryAfter: '2' });
          expect(res.ms).toBeLessThan(1000);
          expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
          expect(typeof res.body.message).toBe('string');
          // Neither host names nor driver messages leak to the client.
          expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/i);
        }
      }
      const live = await timed(t.anonymous.get('/api/health/live'));
      expect(live.status).toBe(200);
      expect(live.ms).toBeLessThan(1000);
    } finally {
      await cluster.start();
    }
    const back = Date.now();
    let readyAfterMs = -1;
    while (Date.now() - back < 5000) {
      if ((await t.anonymous.get('/api/health/ready')).status === 200) {
        readyAfterMs = Date.now() - back;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(readyAfterMs).toBeGreaterThanOrEqual(0);
    await t.http.get(`/api/pilots/${pilotId}`).expect(200);
    const unit = await t.http.post('/api/business-units').send({ name: 'After the outage' }).expect(201);
    await t.http.get(`/api/business-units/${unit.body.id}`).expect(200);
    // The write refused during the outage did not happen later.
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM business_units WHERE name = 'During the outage'`))[0].n).toBe(0);
  }, 120_000);
});
