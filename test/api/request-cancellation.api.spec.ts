import type { AddressInfo } from 'node:net';
import { AuthService } from '../../server/src/auth/auth.service';
import { createBasicPortfolio, updateBody, type BasicPortfolio } from './support/fixtures';
import { lockPilotRow, lockWaits, waitUntil } from './support/row-lock';
import { startTestApp, type TestApp } from './support/test-app';

// PGlite is one session that cannot be interrupted and has no row locks between sessions.
const onRealPostgres = !process.env.LIFTOFF_EMBEDDED_TEST_URL;

/**
 * A client that hangs up has its request's statement cancelled in PostgreSQL: a weekly update blocked
 * on a row lock held by another session disappears from pg_stat_activity within a second of the
 * client aborting, and it is not written once the lock is released.
 */
(onRealPostgres ? describe : describe.skip)('a request whose client hangs up', () => {
  let t: TestApp;
  let baseUrl: string;
  let token: string;
  let databaseUrl: string;
  let portfolio: BasicPortfolio;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const office = await t.as('program_office');
    token = (await t.app.get(AuthService).createToken(office.person.id, { name: 'cancellation test' })).token;
    databaseUrl = (t.dataSource.options as { url: string }).url;
    portfolio = await createBasicPortfolio(t);
  });
  afterAll(() => t?.close());

  const postUpdate = (week: string, signal?: AbortSignal) =>
    fetch(`${baseUrl}/api/pilots/${portfolio.pilot.id}/updates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(updateBody(portfolio.lead.id, { week, summary: `written for ${week}` })),
      signal,
    });
  const updatesFor = async (week: string): Promise<number> =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM weekly_updates WHERE pilot_id = $1 AND week = $2', [portfolio.pilot.id, week]))[0].n;
  const insertWaiting = async () => (await lockWaits(databaseUrl)).filter((row) => /insert into "?weekly_updates"?/i.test(row.query));

  it('control: a write blocked on the lock goes through once the lock is released', async () => {
    const lock = await lockPilotRow(databaseUrl, portfolio.pilot.id);
    try {
      const response = postUpdate('2026-W41');
      expect(await waitUntil(async () => (await insertWaiting()).length === 1, 5000)).toBeGreaterThanOrEqual(0);
      await lock.release();
      expect((await response).status).toBe(201);
      expect(await updatesFor('2026-W41')).toBe(1);
    } finally {
      await lock.release();
    }
  });

  it('cancels the blocked statement within a second of the client aborting, and nothing is written later', async () => {
    const lock = await lockPilotRow(databaseUrl, portfolio.pilot.id);
    try {
      const abort = new AbortController();
      const response = postUpdate('2026-W42', abort.signal).catch((error: unknown) => error);
      expect(await waitUntil(async () => (await insertWaiting()).length === 1, 5000)).toBeGreaterThanOrEqual(0);
      const [{ pid }] = await insertWaiting();
      abort.abort();
      expect(await response).toMatchObject({ name: 'AbortError' });
      const goneAfterMs = await waitUntil(async () => !(await lockWaits(databaseUrl)).some((row) => row.pid === pid), 3000);
      console.log(`blocked INSERT gone from pg_stat_activity ${goneAfterMs} ms after the client aborted`);
      expect(goneAfterMs).toBeGreaterThanOrEqual(0);
      expect(goneAfterMs).toBeLessThan(1000);
      await lock.release();
      await new Promise((r) => setTimeout(r, 500));
      expect(await updatesFor('2026-W42')).toBe(0);
      // The app serves the next request normally (the cancelled connection was not handed on).
      expect((await postUpdate('2026-W43')).status).toBe(201);
    } finally {
      await lock.release();
    }
  });
});
