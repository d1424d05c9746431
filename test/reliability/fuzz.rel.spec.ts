import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiClient } from './support/api-client';
import { describeRequest, learnExamples, runFuzz, type FuzzResults } from './support/fuzz-runner';
import { documentedCounts, fetchOpenApi, isList, isWrite, operationsOf, routeName, type OpenApiDocument, type Operation } from './support/openapi';
import { buildPortfolio, topUpPortfolio, weekAgo } from './support/portfolio';
import { reportFigures } from './support/report';
import { machineLoad } from './support/machine-load';
import { IdPool } from './support/resolve-request';
import { SeedBank } from './support/seed-mutations';
import { startSuiteServer, type SuiteServer } from './support/suite-server';
import { changedTables, tableChecksums, TOUCHED_BY_EVERY_REQUEST } from './support/checksum';
import { FOLD_HEALTH_COUNTS_SQL } from '../../server/src/portfolio/weekly-health-counts';

/**
 * fast-check against the running server: hostile bodies, query strings and path ids on every write route and
 * every read route the OpenAPI document lists, signed in as the program office (who may do everything) on a
 * portfolio with real records. FUZZ_SEED replays a run; FUZZ_REQUESTS changes its size.
 */
const MIN_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
/** Stops sending after this long, so a machine far slower than CI's fails with figures instead of hanging. */
const DEADLINE_MS = Number(process.env.FUZZ_DEADLINE_S ?? 900) * 1000;
/** A route whose answers take longer than this on average is sent proportionally fewer requests per round. */
const SLOW_ROUTE_MS = 60;
/** A file to write every request and answer to, one JSON line each, to study the statuses. */
const DUMP = process.env.FUZZ_DUMP;
const sec = (ms: number) => (ms / 1000).toFixed(0);
const FAILURES_FILE = resolve(__dirname, '../../test-output/fuzz-failures.json');

describe('fuzz: hostile input on every documented write and list route', () => {
  let suite: SuiteServer;
  let api: ApiClient;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let results: FuzzResults;
  let token: { id: string; token: string };
  let seeds: SeedBank;
  const probeFailures: string[] = [];
  const topUps = new Map<string, number>();
  const started = Date.now();

  beforeAll(async () => {
    suite = await startSuiteServer({ LOGIN_RATE_LIMIT: '1000000' });
    // Signed in with a personal API token of the program office: the fuzzer also sends sign-outs and ends
    // sessions, which must not end its own credentials (its token and its person are kept out of path ids).
    const browser = new ApiClient(suite.baseUrl, { Cookie: await suite.signIn() });
    token = await browser.expect<{ id: string; token: string }>(201, 'POST', '/api/auth/tokens', { name: 'Fuzzer' });
    api = new ApiClient(suite.baseUrl, { Authorization: `Bearer ${token.token}` });
    doc = await fetchOpenApi(suite.baseUrl);
    operations = operationsOf(doc);
    seeds = new SeedBank(operations);
    api.onAccepted = (request) => seeds.record(request.method, request.url, request.body);
    await buildPortfolio(api);
    await learnExamples(api, operations);
  });
  afterAll(async () => {
    await suite?.close();
  });

  /** Ordinary requests a person would make next: a hostile write that was accepted must not have broken them. */
  async function probe(round: number): Promise<void> {
    const { rows } = await suite.pg.query<{ id: string; lead_id: string }>(`SELECT id, lead_id FROM pilots WHERE stage = 'piloting' ORDER BY created_at LIMIT 1`);
    const urls = ['/api/pilots?sort=lastUpdateAt&order=desc', '/api/portfolio/overview', '/api/flags', '/api/scale-queue', '/api/blockers', '/api/decisions', '/api/people', '/api/settings'];
    if (rows[0]) urls.push(...['', '/kpis', '/updates', '/flags', '/diagnosis', '/blockers', '/decisions', '/assessments', '/stage-changes'].map((s) => `/api/pilots/${rows[0].id}${s}`));
    const answers = await Promise.all(urls.map((url) => api.raw({ method: 'GET', url })));
    answers.forEach((answer, i) => {
      if (answer.status !== 200) probeFailures.push(`after ${round < 0 ? 'the run' : `round ${round}`}: GET ${urls[i]} -> ${answer.status} ${answer.text.slice(0, 300)}`);
    });
  }

  it('discovers every write and list route the OpenAPI document lists', () => {
    const counted = documentedCounts(doc);
    expect(operations.filter(isWrite).length).toBeGreaterThanOrEqual(counted.writes);
    expect(operations.filter(isList).length).toBeGreaterThanOrEqual(counted.lists);
    // The document as it stood when the suite was written: a broken document cannot make the suite attack less.
    expect(counted.writes).toBeGreaterThanOrEqual(37);
    expect(counted.lists).toBeGreaterThanOrEqual(15);
    expect(operations.map(routeName)).toEqual(expect.arrayContaining(['POST /api/pilots/{pilotId}/updates', 'PATCH /api/settings', 'GET /api/pilots']));
  });

  // The hourly fold runs whenever its minute comes, also in a window of refusals: it rewrites the rows, never the counts.
  it('takes the same checksums before and after the hourly fold of the health counts', async () => {
    const rowsNow = async () => (await suite.pg.query<{ n: number }>('SELECT count(*)::int AS n FROM weekly_health_counts')).rows[0].n;
    // Rows to fold whatever ran before (the server's own fold may have come at minute 41): +1 and -1 on a week.
    await suite.pg.query(`INSERT INTO weekly_health_counts (week_start, week, health, updates)
      SELECT week_start, week, health, d FROM (SELECT * FROM weekly_health_counts LIMIT 1) c, (VALUES (1), (-1)) v(d)`);
    const rowsBefore = await rowsNow();
    const before = await tableChecksums(suite.pg);
    await suite.pg.query(FOLD_HEALTH_COUNTS_SQL);
    expect(await rowsNow()).toBeLessThan(rowsBefore);
    expect(changedTables(before, await tableChecksums(suite.pg))).toEqual([]);
  });

  it(`sends at least ${MIN_REQUESTS} hostile requests (seed ${SEED})`, async () => {
    const self = await suite.pg.query<{ id: string }>('SELECT id FROM people WHERE email = $1', [suite.admin.email]);
    const pool = new IdPool(suite.pg, new Set([self.rows[0].id, token.id]));
    // Writes get the most attention, then the lists' query strings; the other reads get hostile ids and strays.
    // Routes that are slow by design (password hashing at sign-in) get fewer per round, at least one.
    const quota = (op: Operation, meanMs: number | undefined) => {
      const base = isWrite(op) ? 6 : isList(op) ? 4 : 2;
      return meanMs && meanMs > SLOW_ROUTE_MS ? Math.max(1, Math.round((base * SLOW_ROUTE_MS) / meanMs)) : base;
    };
    results = await runFuzz(
      {
        operations,
        quota,
        minRequests: MIN_REQUESTS,
        seed: SEED,
        concurrency: CONCURRENCY,
        seeds,
        onAnswer: DUMP ? (sent) => appendFileSync(DUMP, `${JSON.stringify({ ...sent, request: { ...sent.request, body: sent.request.body?.slice(0, 2000) } })}\n`) : undefined,
        deadline: started + DEADLINE_MS,
        afterRound: async (round) => {
          // Accepted hostile deletes thin the portfolio out; top it up so ids keep pointing at real rows.
          const toppedUp = await topUpPortfolio(api, suite.pg);
          if (toppedUp) topUps.set(toppedUp, (topUps.get(toppedUp) ?? 0) + 1);
          if (round % 4 === 3) await probe(round);
        },
      },
      api,
      suite.pg,
      pool,
    );
    await probe(-1);
    // The product still takes an ordinary write after everything the fuzzer did.
    const { rows } = await suite.pg.query<{ id: string; lead_id: string }>(`SELECT id, lead_id FROM pilots WHERE stage IN ('piloting', 'scaling') ORDER BY created_at DESC LIMIT 1`);
    const post = await api.raw({
      method: 'POST', url: `/api/pilots/${rows[0].id}/updates`, headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ week: weekAgo(200), health: 'on_track', summary: 'After the fuzz', confidence: 3, activeUsers: 5, activeUsersOutsideTeam: 1, scaleQuestionAsked: false, resourcesRedirected: false }),
    });
    if (post.status !== 201) probeFailures.push(`after the run: a plain weekly update -> ${post.status} ${post.text.slice(0, 300)}`);

    console.log(`slowest routes (total ms): ${[...results.routeMs].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([r, ms]) => `${r} ${ms.toFixed(0)}`).join('; ')}`);
    const histogram = [...results.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    const writes = operations.filter(isWrite).length;
    const lists = operations.filter(isList).length;
    reportFigures('fuzz', [
      machineLoad(),
      `routes attacked: ${operations.length} (${writes} writes, ${lists} lists, ${operations.length - writes - lists} other reads), all discovered from GET /api/docs/json`,
      `hostile requests answered: ${results.sent} distinct (+ ${results.resent} refusals sent twice, see below) in ${((Date.now() - started) / 1000).toFixed(0)} s (fast-check seed ${SEED}, ${CONCURRENCY} at a time), of which ${sec(results.timings.windows)} s waiting for answers, ${sec(results.timings.checksums)} s taking checksums, ${sec(results.timings.generation)} s generating, ${sec(results.timings.roundEnds)} s topping up and probing; fewest on one route: ${Math.min(...[...results.perRoute.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)))}`,
      `status histogram (every answer, second sendings included): ${histogram}`,
      `5xx answers: ${results.serverErrors.length}; socket errors or timeouts: ${results.transportErrors.length}`,
      `table checksums: ${results.breaches.length === 0 ? 'unchanged' : `CHANGED ${results.breaches.length} times`} across ${results.rejectedVerified} refused requests (of ${results.rejected}; ${results.resent} refusals that shared a window with an accepted write were sent again, ${results.unverified} never checked) and ${results.readsVerified} answered reads; excluded columns: ${Object.entries(TOUCHED_BY_EVERY_REQUEST).map(([t, cs]) => cs.map((c) => `${t}.${c}`).join(', ')).join(', ')}`,
      `accepted hostile writes: ${results.acceptedWrites} (deletes among them thinned the portfolio out; topped up: ${[...topUps].map(([what, n]) => `${what} ${n}x`).join(', ') || 'never'}); ordinary requests failing after them: ${probeFailures.length}`,
    ]);
    if (results.serverErrors.length || results.transportErrors.length || results.breaches.length) {
      mkdirSync(resolve(FAILURES_FILE, '..'), { recursive: true });
      writeFileSync(FAILURES_FILE, JSON.stringify({ seed: SEED, serverErrors: results.serverErrors, transportErrors: results.transportErrors, breaches: results.breaches }, null, 1));
    }
    expect(results.outOfTime).toBe(false);
    expect(results.sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, DEADLINE_MS + 120_000);

  it('answers no hostile request with a 5xx or a dropped connection', () => {
    const lines = [
      ...results.serverErrors.map((s) => `${s.status} ${describeRequest(s.request)}\n    -> ${s.answer}`),
      ...results.transportErrors.map((t) => `${t.error} ${describeRequest(t.request)}`),
    ];
    if (lines.length) console.log(`server output:\n${suite.server.output().slice(-20_000)}`);
    expect(lines).toEqual([]);
  });

  it('changes no table when it refuses a request', () => {
    const lines = results.breaches.map((b) => `tables ${b.tables.join(', ')} changed while these were refused:\n${b.requests.map((s) => `  ${s.status} ${describeRequest(s.request)}`).join('\n')}`);
    expect(lines).toEqual([]);
    // Every refusal is checked, but for the few sent twice and sharing a window with an accepted write both times.
    expect(results.unverified).toBeLessThan(results.rejected / 100);
  });

  it('reached the validation or the handler of every route, and ordinary requests still work afterwards', () => {
    const missed = operations.map(routeName).filter((route) => !results.reached.has(route));
    expect(missed).toEqual([]);
    const few = operations.map(routeName).filter((route) => [...(results.perRoute.get(route)?.values() ?? [])].reduce((a, b) => a + b, 0) < Math.min(10, MIN_REQUESTS / 1000));
    expect(few).toEqual([]);
    expect(results.acceptedWrites).toBeGreaterThan(0);
    expect(probeFailures).toEqual([]);
  });
});
