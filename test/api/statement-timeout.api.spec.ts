import { MAINTENANCE_STATEMENT_TIMEOUT_SQL } from '../../server/src/database/connection-limits';
import { createBasicPortfolio, updateBody, type BasicPortfolio } from './support/fixtures';
import { lockPilotRow } from './support/row-lock';
import { startTestApp, type TestApp } from './support/test-app';

// PGlite runs statements to the end: it has no timer to interrupt them, so the limit is a real-PostgreSQL one.
const onRealPostgres = !process.env.LIFTOFF_EMBEDDED_TEST_URL;

/** DB_STATEMENT_TIMEOUT_MS bounds every statement of a request: one stuck longer is stopped and answers 503. */
(onRealPostgres ? describe : describe.skip)('statement timeout', () => {
  let t: TestApp;
  let portfolio: BasicPortfolio;

  beforeAll(async () => {
    t = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '700' });
    portfolio = await createBasicPortfolio(t);
  });
  afterAll(() => t?.close());

  it('applies to every connection of the pool', async () => {
    const settings = await Promise.all(Array.from({ length: 4 }, () => t.dataSource.query('SHOW statement_timeout')));
    expect(settings.map(([row]) => row.statement_timeout)).toEqual(['700ms', '700ms', '700ms', '700ms']);
  });

  it('stops a write stuck behind a lock after the timeout: 503 with Retry-After, and nothing is written', async () => {
    const databaseUrl = (t.dataSource.options as { url: string }).url;
    const lock = await lockPilotRow(databaseUrl, portfolio.pilot.id);
    try {
      const started = Date.now();
      const res = await t.http.post(`/api/pilots/${portfolio.pilot.id}/updates`).send(updateBody(portfolio.lead.id, { week: '2026-W44' }));
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/took too long/) });
      expect(elapsed).toBeGreaterThanOrEqual(650);
      expect(elapsed).toBeLessThan(3000);
    } finally {
      await lock.release();
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM weekly_updates WHERE pilot_id = $1', [portfolio.pilot.id]);
    expect(n).toBe(0);
    // The same write without the lock goes through: the timeout stopped only the stuck statement.
    await t.http.post(`/api/pilots/${portfolio.pilot.id}/updates`).send(updateBody(portfolio.lead.id, { week: '2026-W44' })).expect(201);
  });

  it('lets known-long maintenance raise it for its own transaction only', async () => {
    const inside = await t.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT ${MAINTENANCE_STATEMENT_TIMEOUT_SQL}`);
      await tx.query('SELECT pg_sleep(1)'); // longer than the request limit of 700 ms
      return (await tx.query('SHOW statement_timeout'))[0].statement_timeout;
    });
    expect(inside).toBe('10min');
    await expect(t.dataSource.query('SELECT pg_sleep(1)')).rejects.toThrow(/statement timeout/);
  });
});
