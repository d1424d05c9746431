import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createBasicPortfolio, createKpi, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { BACKGROUND_TABLES, COUNTED_ATTEMPT_TABLES, FOLDED_TABLES } from '../reliability/support/checksum';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every write route the application serves, found the way the permission matrix finds them. */
function discoverWriteRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance();
  const stack: ExpressLayer[] = (express.router ?? express._router).stack;
  return stack
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`))
    .filter((route) => /^(POST|PUT|PATCH|DELETE) /.test(route));
}

/** One fingerprint of every row of every table: equal before and after means nothing changed. */
async function databaseChecksum(dataSource: DataSource): Promise<string> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  // Notification workers mark outbox events dispatched and make deliveries in the background, after
  // the write that raised them, and the hourly fold rewrites the health counts' rows with the same sums
  // (see test/reliability/support/checksum.ts): not the request's doing.
  const source = (name: string) => (FOLDED_TABLES[name] ? `(${FOLDED_TABLES[name].rows})` : `"${name}"`);
  const rowText = (name: string) => (name === 'outbox_events' ? 'ROW(t.id, t.event_type, t.event, t.recipient_ids, t.created_at)::text' : 't::text');
  const parts = tables
    .filter(({ name }) => !BACKGROUND_TABLES.has(name) && !COUNTED_ATTEMPT_TABLES.has(name))
    .map(({ name }) => `SELECT '${name}' AS name, md5(coalesce(string_agg(${rowText(name)}, '|' ORDER BY ${rowText(name)}), '')) AS sum FROM ${source(name)} t`);
  const rows: { name: string; sum: string }[] = await dataSource.query(parts.join(' UNION ALL '));
  return rows.map((r) => `${r.name}:${r.sum}`).sort().join('\n');
}

describe('cross-site request forgery', () => {
  let t: TestApp;
  let portfolio: BasicPortfolio;
  const ids: Record<string, string> = {};
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://liftoff.example.com/' });
    portfolio = await createBasicPortfolio(t);
    const kpi = await createKpi(t, portfolio.pilot.id);
    const update = await postUpdate(t, portfolio.pilot.id, updateBody(portfolio.lead.id, { blockers: [{ text: 'Waiting on data access' }] }));
    Object.assign(ids, { 'business-units': portfolio.unit.id, people: portfolio.lead.id, pilots: portfolio.pilot.id, kpis: kpi.id, updates: update.id });
    routes = discoverWriteRoutes(t);
  });
  afterAll(() => t.close());

  /** A real id where the route's noun has one, so a forged write would have something to change. */
  const urlOf = (path: string) =>
    path.replace(/:(\w+)/g, (_m, param: string) => {
      if (param === 'pilotId') return ids.pilots;
      const noun = path.split('/')[2];
      return ids[noun] ?? randomUUID();
    });

  const forgeries = {
    'a form-encoded post': (method: string, url: string) =>
      t.http[method as 'post'](url).type('form').send('name=Hijacked&kind=kill&reason=forged'),
    'a text/plain post': (method: string, url: string) =>
      t.http[method as 'post'](url).set('Content-Type', 'text/plain').send('{"name":"Hijacked","kind":"kill"}'),
    'a multipart post': (method: string, url: string) => t.http[method as 'post'](url).field('name', 'Hijacked'),
    'a cross-origin JSON post': (method: string, url: string) =>
      t.http[method as 'post'](url).set('Origin', 'https://evil.example').send({ name: 'Hijacked', kind: 'kill', reason: 'forged' }),
    'a JSON post whose Referer is another site': (method: string, url: string) =>
      t.http[method as 'post'](url).set('Referer', 'https://evil.example/page').send({ name: 'Hijacked' }),
    'a JSON post from a sandboxed page (Origin: null)': (method: string, url: string) =>
      t.http[method as 'post'](url).set('Origin', 'null').send({ name: 'Hijacked' }),
  };
  const expected: Record<keyof typeof forgeries, number> = {
    'a form-encoded post': 415,
    'a text/plain post': 415,
    'a multipart post': 415,
    'a cross-origin JSON post': 403,
    'a JSON post whose Referer is another site': 403,
    'a JSON post from a sandboxed page (Origin: null)': 403,
  };

  /**
   * Mail programs unsubscribe in one click by posting a form (RFC 8058), so that route takes one; it acts
   * only on the signed token in its query, which a forger does not have (400, nothing changes).
   */
  const expectedFor = (kind: keyof typeof forgeries, route: string) =>
    kind === 'a form-encoded post' && route === 'POST /api/notifications/unsubscribe' ? 400 : expected[kind];

  it('finds the write routes', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContain('POST /api/pilots/:pilotId/decisions');
  });

  it.each(Object.keys(forgeries) as (keyof typeof forgeries)[])('%s changes nothing on any write route', async (kind) => {
    const before = await databaseChecksum(t.dataSource);
    const answers: Record<string, number> = {};
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const res = await forgeries[kind](method.toLowerCase(), urlOf(path));
      answers[route] = res.status;
      expect(res.body).toMatchObject({ statusCode: expectedFor(kind, route), error: expect.any(String), message: expect.any(String) });
    }
    expect(Object.entries(answers).every(([route, status]) => status === expectedFor(kind, route))).toBe(true);
    expect(await databaseChecksum(t.dataSource)).toBe(before);
  });

  it('lets a same-origin browser write through, by the Host it was reached at or by PUBLIC_URL', async () => {
    const sameHost = await t.http.post('/api/business-units').set('Host', 'liftoff.example:8080').set('Origin', 'http://liftoff.example:8080').send({ name: 'Same-origin unit' });
    expect(sameHost.status).toBe(201);
    const viaReferer = await t.http.post('/api/business-units').set('Host', 'liftoff.example:8080').set('Referer', 'http://liftoff.example:8080/pilots').send({ name: 'Referer unit' });
    expect(viaReferer.status).toBe(201);
    const otherPort = await t.http.post('/api/business-units').set('Host', 'liftoff.example:8080').set('Origin', 'http://liftoff.example:9999').send({ name: 'Other port' });
    expect(otherPort.status).toBe(403);
    // Behind a proxy the Host differs; the configured public URL is trusted.
    const viaPublicUrl = await t.http.post('/api/business-units').set('Host', 'backend.internal:3000').set('Origin', 'https://liftoff.example.com').send({ name: 'Public unit' });
    expect(viaPublicUrl.status).toBe(201);
  });

  it('lets API clients without Origin or Referer write, and bodiless writes need no content type', async () => {
    expect((await t.http.post('/api/business-units').send({ name: 'Token unit' })).status).toBe(201);
    const rejected = await t.http.post('/api/business-units').set('Origin', 'https://evil.example');
    expect(rejected.status).toBe(403);
    // Routes match case-insensitively; the guard does too.
    expect((await t.http.post('/API/business-units').type('form').send('name=Shouting')).status).toBe(415);
    const logout = await t.anonymous.post('/api/auth/logout');
    expect(logout.status).not.toBe(415);
  });
});
