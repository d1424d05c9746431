import { Client } from 'pg';
import { AnalysisService } from '../../server/src/signals/analysis.service';
import { createBasicPortfolio, fieldsOf, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** Requests the reliability fuzzer (test/reliability/fuzz.rel.spec.ts) answered with a 500, each now a 4xx naming its field. */
describe('inputs the fuzzer found', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const pilotBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Pilot ${Math.random()}`, businessUnitId: base.unit.id, leadId: base.lead.id, useCaseCategory: 'other', startDate: '2026-01-05', complexity: 'typical', ...overrides,
  });

  describe('money written with an exponent (4e-323 has 323 decimal places)', () => {
    it.each(['annualValueAtScale', 'costToDate', 'costToScale'])('%s on create: 400 naming it, nothing stored', async (field) => {
      const before = await countRows(t.dataSource, 'pilots');
      const res = await t.http.post('/api/pilots').set('Content-Type', 'application/json').send(JSON.stringify(pilotBody()).replace('}', `,"${field}":4e-323}`)).expect(400);
      expect(fieldsOf(res)).toEqual([field]);
      expect(res.body.fieldErrors[0].messages).toContain(`${field} must be a number with at most 2 decimal places`);
      expect(await countRows(t.dataSource, 'pilots')).toBe(before);
    });

    it('on edit: 400 naming it; cents and large round sums are still taken', async () => {
      const res = await t.http.patch(`/api/pilots/${base.pilot.id}`).send({ version: base.pilot.version, costToScale: -2e-323 }).expect(400);
      expect(fieldsOf(res)).toEqual(['costToScale']);
      const ok = await t.http.patch(`/api/pilots/${base.pilot.id}`).send({ version: base.pilot.version, costToScale: 1250.75, annualValueAtScale: 1e11 }).expect(200);
      expect(ok.body).toMatchObject({ costToScale: 1250.75, annualValueAtScale: 1e11 });
    });
  });

  describe('a page number past any list (page=1e308 made OFFSET Infinity)', () => {
    it.each([
      () => `/api/pilots/${base.pilot.id}/updates?page=1e308`,
      () => '/api/pilots?page=1e308',
      () => '/api/flags?page=100000000000000000000000&pageSize=200',
      () => '/api/updates?page=1e308',
      () => '/api/audit?page=100001',
    ])('%s: 400 naming page', async (url) => {
      const res = await t.http.get(url()).expect(400);
      expect(fieldsOf(res)).toEqual(['page']);
    });

    it('the last allowed page answers an empty page', async () => {
      const res = await t.http.get('/api/pilots?page=100000&pageSize=200').expect(200);
      expect(res.body).toMatchObject({ items: [], page: 100000 });
    });
  });

  describe('null for a field an edit may leave out but not empty', () => {
    it('a business unit renamed to null: 400 naming name, the unit unchanged', async () => {
      const res = await t.http.patch(`/api/business-units/${base.unit.id}`).send({ name: null, version: base.unit.version }).expect(400);
      expect(fieldsOf(res)).toEqual(['name']);
      const unit = await t.http.get(`/api/business-units/${base.unit.id}`).expect(200);
      expect(unit.body).toMatchObject({ name: base.unit.name, version: base.unit.version });
    });
  });

  describe('half of a surrogate pair, which JSON can spell as \\ud800', () => {
    it('in an email: 400 naming it (the email validator threw on it)', async () => {
      const before = await countRows(t.dataSource, 'people');
      const res = await t.http.post('/api/people').set('Content-Type', 'application/json').send('{"name":"Ada","email":"\\ud800","role":"viewer"}').expect(400);
      expect(fieldsOf(res)).toEqual(['email']);
      expect(await countRows(t.dataSource, 'people')).toBe(before);
    });

    it('in any text, nested too: 400 naming it instead of storing a replacement character', async () => {
      const res = await t.http.post('/api/business-units').set('Content-Type', 'application/json').send('{"name":"Fin\\udc00ance"}').expect(400);
      expect(fieldsOf(res)).toEqual(['name']);
      expect(res.body.message).toMatch(/well-formed/);
      const nested = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).set('Content-Type', 'application/json')
        .send('{"week":"2026-W10","health":"on_track","summary":"ok","confidence":3,"activeUsers":1,"activeUsersOutsideTeam":0,"scaleQuestionAsked":false,"resourcesRedirected":false,"blockers":[{"text":"x\\ud83d","isNew":true}]}').expect(400);
      expect(fieldsOf(nested)).toEqual(['blockers.0.text']);
      // A whole pair is an ordinary character.
      await t.http.post('/api/business-units').set('Content-Type', 'application/json').send('{"name":"Rocket \\ud83d\\ude80 unit"}').expect(201);
    });
  });

  describe('audit rows of one save (an update with its readings and blockers)', () => {
    it('are written one after another on the transaction, never piled onto its busy connection', async () => {
      // pg warns, and pg 9 will refuse, a query sent to a client still running others: count them per client.
      const original = Client.prototype.query;
      const inFlight = new Map<unknown, number>();
      let piled = 0;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        const running = inFlight.get(this) ?? 0;
        if (running >= 2) piled++;
        inFlight.set(this, running + 1);
        const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (result instanceof Promise) result.then(done, done);
        else done();
        return result;
      } as typeof original;
      try {
        const kpis = [];
        for (const name of ['Queue time', 'Handling time', 'Rework rate']) {
          kpis.push((await t.http.post(`/api/pilots/${base.pilot.id}/kpis`).send({ name, unit: 'minutes', baseline: 9, target: 5, direction: 'lower_is_better' }).expect(201)).body);
        }
        piled = 0;
        const { body: update } = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send({
          week: '2026-W20', health: 'on_track', summary: 'Several rows in one save', confidence: 3, activeUsers: 4, activeUsersOutsideTeam: 1, scaleQuestionAsked: false, resourcesRedirected: false,
          kpiReadings: kpis.map((kpi: { id: string }) => ({ kpiId: kpi.id, value: 8 })), blockers: [{ text: 'Waiting for the vendor contract', isNew: true }, { text: 'No test data yet', isNew: true }],
        }).expect(201);
        expect(piled).toBe(0);
        const audited = await t.dataSource.query(`SELECT entity FROM audit_events WHERE entity_id = $1 OR "after"->>'updateId' = $1`, [update.id]);
        expect(audited.filter((r: { entity: string }) => r.entity === 'kpi_readings')).toHaveLength(3);
      } finally {
        Client.prototype.query = original;
      }
    });
  });

  describe('a pilot deleted while its diagnosis is read', () => {
    it('answers 404, as the next read would, not a 500', async () => {
      const { body: pilot } = await t.http.post('/api/pilots').send(pilotBody({ stage: 'piloting', sponsorId: base.sponsor.id })).expect(201);
      await t.dataSource.query('DELETE FROM pilot_diagnoses WHERE pilot_id = $1', [pilot.id]);
      // The fuzzer's DELETE landed between the diagnosis read's steps; here it lands during the analysis it starts.
      const analysis = t.app.get(AnalysisService);
      const spy = jest.spyOn(analysis, 'analyseOne').mockImplementationOnce(async () => {
        await t.dataSource.query('DELETE FROM pilots WHERE id = $1', [pilot.id]);
        return { newFlags: [], openFlags: [] };
      });
      try {
        const res = await t.http.get(`/api/pilots/${pilot.id}/diagnosis`).expect(404);
        expect(res.body).toMatchObject({ statusCode: 404, message: expect.stringContaining(pilot.id) });
      } finally {
        spy.mockRestore();
      }
    });
  });
});
