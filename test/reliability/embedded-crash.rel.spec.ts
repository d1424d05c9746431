import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopAllServers, type RunningServer } from '../support/server-process';
import { reportFigures } from './support/report';
import { adminToken, checkWrites, createLoadPortfolio, percentile, RELIABILITY_ADMIN, runUpdateLoad, storedUpdatesViaApi, type Attempt } from './support/update-load';

const ROUNDS = 2;
const PILOTS = 10;
/** Acknowledged writes to wait for in a round before the kill (or the round's time limit). */
const WRITES_BEFORE_KILL = 40;
const ROUND_LIMIT_MS = 15_000;

/**
 * kill -9 of the server in the middle of writes on the embedded database (PGlite in a data folder):
 * it starts again on the same folder (the socket the killed process left behind is cleared), and
 * every write it acknowledged before dying is there, once.
 */
describe('embedded database: kill -9 during writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-crash-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('restarts on the same folder and loses no acknowledged write', async () => {
    const env = {
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      SWEEP_ENABLED: 'false',
      SCHEDULED_MESSAGES_ENABLED: 'false',
      ADMIN_EMAIL: RELIABILITY_ADMIN.email,
      ADMIN_PASSWORD: RELIABILITY_ADMIN.password,
    };
    let server: RunningServer = await startServer(env);
    const token = await adminToken(server.baseUrl);
    const portfolio = await createLoadPortfolio(server.baseUrl, token, PILOTS);

    const attempts: Attempt[] = [];
    const restartMs: number[] = [];
    const inFlightAtKill: number[] = [];
    const acknowledgedPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      let acknowledged = 0;
      const load = runUpdateLoad({
        baseUrl: server.baseUrl,
        token,
        portfolio,
        workers: 4,
        requestTimeoutMs: 10_000,
        retryPauseMs: 100,
        stop: () => stop,
        firstSlot: round * 100 * PILOTS,
        onAttempt: (attempt) => {
          if (attempt.status === 201) acknowledged++;
        },
      });
      const roundStarted = Date.now();
      while (acknowledged < WRITES_BEFORE_KILL && Date.now() - roundStarted < ROUND_LIMIT_MS) await new Promise((r) => setTimeout(r, 20));
      const before = attempts.length;
      server.process.kill('SIGKILL');
      const killedAt = Date.now();
      stop = true;
      const roundAttempts = await load;
      attempts.push(...roundAttempts);
      acknowledgedPerRound.push(acknowledged);
      inFlightAtKill.push(roundAttempts.filter((a) => a.startedAt < killedAt && a.status === 0).length);
      expect(attempts.length).toBeGreaterThan(before);

      const restarting = Date.now();
      server = await startServer(env);
      restartMs.push(Date.now() - restarting);
    }

    const stored = await storedUpdatesViaApi(server.baseUrl, token, portfolio.pilotIds);
    const check = checkWrites(attempts, stored);
    const latencies = attempts.filter((a) => a.status === 201).map((a) => a.endedAt - a.startedAt);
    const statuses = [...new Set(attempts.map((a) => a.status))].sort();
    reportFigures('embedded-crash', [
      `${ROUNDS} rounds: 4 workers posting weekly updates over ${PILOTS} pilots on the embedded database (a temporary DATA_DIR), kill -9 once ${WRITES_BEFORE_KILL} writes were acknowledged, then a start on the same folder`,
      `requests: ${attempts.length}; acknowledged: ${check.acknowledged} (${acknowledgedPerRound.join(' + ')}; p50 ${percentile(latencies, 50)} ms); without an answer (in flight at the kill): ${inFlightAtKill.join(' + ')}`,
      `start again on the same folder until /api/health answers: ${restartMs.map((ms) => `${ms} ms`).join(', ')}`,
      `acknowledged writes lost: ${check.lost.length}; stored twice: ${check.duplicated.length}; stored although the answer did not arrive: ${check.storedWithoutAnswer}; 201s whose body the kill cut off (so no answer): ${attempts.filter((a) => a.bodyCut).length}`,
    ]);

    expect(statuses.filter((status) => ![0, 201].includes(status))).toEqual([]);
    // Each kill came in the middle of writing (on a busy machine a round may end on its time limit first).
    for (const count of acknowledgedPerRound) expect(count).toBeGreaterThanOrEqual(10);
    expect(inFlightAtKill.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
    expect(await server.stop()).toBe(0);
  }, 300_000);
});
