import fc from 'fast-check';
import { ApiClient, type RawRequest } from './support/api-client';
import { changedTables, tableChecksums } from './support/checksum';
import { pathParamTable, plausibleBody, type Knowledge } from './support/hostile-requests';
import { RealId, type Gen } from './support/hostile-values';
import { documentedCounts, fetchOpenApi, isWrite, operationsOf, routeName, type Operation } from './support/openapi';
import { buildPortfolio } from './support/portfolio';
import { reportFigures } from './support/report';
import { machineLoad } from './support/machine-load';
import { IdPool, resolveRequest } from './support/resolve-request';
import { startSuiteServer, type SuiteServer } from './support/suite-server';

const EVIL = 'https://evil.example';

/** Form fields a forged page would post, from the body the route takes (`name=…&kind=…`). */
function formOf(json: string | undefined): string {
  const body = json ? (JSON.parse(json) as Record<string, unknown>) : { name: 'Hijacked' };
  return new URLSearchParams(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
}

/**
 * What another site can make a signed-in browser send, on every write route the OpenAPI document lists, with a
 * real session cookie (signed in by password) and real ids in the path, so a forgery that got through would
 * have something to change. None may change anything.
 */
const FORGERIES: Record<string, { status: number; forge: (request: RawRequest) => RawRequest }> = {
  'a form-encoded post': { status: 415, forge: (r) => ({ ...r, body: formOf(r.body), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }) },
  'a text/plain post': { status: 415, forge: (r) => ({ ...r, body: r.body ?? '{}', headers: { 'Content-Type': 'text/plain' } }) },
  'a cross-origin JSON post': { status: 403, forge: (r) => ({ ...r, body: r.body ?? '{}', headers: { 'Content-Type': 'application/json', Origin: EVIL } }) },
  'a form post as a browser sends it (with its Origin)': { status: 403, forge: (r) => ({ ...r, body: formOf(r.body), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: EVIL } }) },
};

/**
 * Mail programs unsubscribe in one click by posting a form (RFC 8058), so that one route takes a form;
 * it acts only on the signed token a mail carries, so a forged form without one is a 400 that changes nothing.
 */
const expectedStatus = (kind: string, route: string): number =>
  kind === 'a form-encoded post' && route === 'POST /api/notifications/unsubscribe' ? 400 : FORGERIES[kind].status;

describe('CSRF: forged writes on every documented write route change nothing', () => {
  let suite: SuiteServer;
  let browser: ApiClient;
  let writes: Operation[];
  let documentedWrites: number;
  /** The request a legitimate client would make on each write route. */
  const legitimate = new Map<string, RawRequest>();
  const figures: string[] = [];

  beforeAll(async () => {
    suite = await startSuiteServer();
    browser = new ApiClient(suite.baseUrl, { Cookie: await suite.signIn() });
    await buildPortfolio(browser);
    const doc = await fetchOpenApi(suite.baseUrl);
    writes = operationsOf(doc).filter(isWrite);
    documentedWrites = documentedCounts(doc).writes;
    const pool = new IdPool(suite.pg, new Set());
    await pool.refresh();
    const knowledge: Knowledge = { tables: pool.tables, examples: new Map() };
    for (const [i, op] of writes.entries()) {
      const table = (name: string) => pathParamTable(op, name, knowledge);
      const mainTable = op.pathParams.length ? table(op.pathParams[op.pathParams.length - 1].name) : undefined;
      const body: Gen | undefined = op.body ? fc.sample(plausibleBody(op.body, knowledge, mainTable), { numRuns: 1, seed: i })[0] : undefined;
      const path = Object.fromEntries(op.pathParams.map((p) => [p.name, new RealId(table(p.name), 0)]));
      const request = await resolveRequest({ operation: op, path, query: [], body: body === undefined ? { kind: 'none' } : { kind: 'json', value: body }, contentType: 'application/json' }, pool, table);
      legitimate.set(routeName(op), request);
    }
  });
  afterAll(async () => {
    await suite?.close();
    if (figures.length) reportFigures('csrf', [machineLoad(), ...figures]);
  });

  it('covers every write route of the document with a real session', async () => {
    expect(writes.length).toBeGreaterThanOrEqual(documentedWrites);
    expect(writes.length).toBeGreaterThanOrEqual(37);
    expect([...legitimate.keys()]).toEqual(writes.map(routeName));
    expect((await browser.raw({ method: 'GET', url: '/api/auth/me' })).status).toBe(200);
  });

  it.each(Object.keys(FORGERIES))('%s: refused on every write route, no table changed', async (kind) => {
    const { status, forge } = FORGERIES[kind];
    const before = await tableChecksums(suite.pg);
    const wrong: string[] = [];
    for (const [route, request] of legitimate) {
      const answer = await browser.raw(forge(request));
      if (answer.status !== expectedStatus(kind, route)) wrong.push(`${route}: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    const changed = changedTables(before, await tableChecksums(suite.pg));
    figures.push(`${kind}: ${legitimate.size} write routes, ${legitimate.size - wrong.length} answered as expected (${status}${kind === 'a form-encoded post' ? '; the one-click unsubscribe 400' : ''}), tables changed: ${changed.length ? changed.join(', ') : 'none'}`);
    expect(wrong).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('the same cookie writes from the same origin (the refusals were not for a dead session)', async () => {
    const sameOrigin = await browser.raw({ method: 'POST', url: '/api/business-units', body: JSON.stringify({ name: 'Same-origin unit' }), headers: { 'Content-Type': 'application/json', Origin: suite.baseUrl } });
    expect(sameOrigin.status).toBe(201);
    figures.push(`control: the same session cookie from the server's own origin: POST /api/business-units -> ${sameOrigin.status}`);
  });
});
