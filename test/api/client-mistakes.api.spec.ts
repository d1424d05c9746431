import { createBasicPortfolio, updateBody, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fieldErrors?: { field: string; messages: string[] }[];
}

const fieldsOf = (body: ErrorBody) => (body.fieldErrors ?? []).map((e) => e.field);

/** `{ "a": { "a": … 1 … } }` nested `depth` objects deep, as raw JSON text. */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('client mistakes are 4xx in the error shape and change nothing', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const pilotBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Pilot ${Math.random()}`, businessUnitId: base.unit.id, leadId: base.lead.id, useCaseCategory: 'other',
    startDate: '2026-01-05', complexity: 'typical', annualValueAtScale: 1000, costToDate: 10, costToScale: 100, ...overrides,
  });
  const expectShape = (body: ErrorBody, status: number) =>
    expect(body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });

  describe('NUL bytes', () => {
    it('in a text field: 400 naming the field', async () => {
      const before = await countRows(t.dataSource, 'business_units');
      const res = await t.http.post('/api/business-units').send({ name: 'Fin\u0000ance' }).expect(400);
      expectShape(res.body, 400);
      expect(fieldsOf(res.body)).toEqual(['name']);
      expect(await countRows(t.dataSource, 'business_units')).toBe(before);
    });

    it('deep in a nested body: 400 naming the path', async () => {
      const before = await countRows(t.dataSource, 'weekly_updates');
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(updateBody(base.lead.id, { blockers: [{ text: 'No\u0000access' }] })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['blockers.0.text']);
      expect(await countRows(t.dataSource, 'weekly_updates')).toBe(before);
    });

    it('in a query parameter: 400 naming the parameter', async () => {
      const res = await t.http.get('/api/pilots?search=ab%00cd').expect(400);
      expectShape(res.body, 400);
      expect(fieldsOf(res.body)).toEqual(['search']);
      expect(fieldsOf((await t.http.get('/api/audit?entity=%00').expect(400)).body)).toEqual(['entity']);
    });
  });

  describe('nesting', () => {
    it.each([33, 2000, 100_000])('a body nested %i deep: 400', async (depth) => {
      const before = await countRows(t.dataSource, 'business_units');
      const res = await t.http.post('/api/business-units').set('Content-Type', 'application/json').send(nested(depth)).expect(400);
      expectShape(res.body, 400);
      expect(res.body.message).toMatch(/nested deeper than 32/);
      expect(await countRows(t.dataSource, 'business_units')).toBe(before);
    });

    it('up to the limit is left to the validators (which name the stray field)', async () => {
      const res = await t.http.post('/api/business-units').set('Content-Type', 'application/json').send(nested(32)).expect(400);
      expect(fieldsOf(res.body)).toContain('a');
    });
  });

  describe('size', () => {
    it('a body over the 1 MB default: 413 in the error shape, not 404', async () => {
      const before = await countRows(t.dataSource, 'business_units');
      const res = await t.http.post('/api/business-units').send({ name: 'x'.repeat(1_100_000) }).expect(413);
      expectShape(res.body, 413);
      expect(await countRows(t.dataSource, 'business_units')).toBe(before);
    });

    it('a 100 KB body is read (and refused by the validators for what it says)', async () => {
      const res = await t.http.post('/api/business-units').send({ name: 'x'.repeat(100_000) }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['name']);
    });

    it('a malformed body: 400 in the error shape', async () => {
      const res = await t.http.post('/api/business-units').set('Content-Type', 'application/json').send('{"name": ').expect(400);
      expectShape(res.body, 400);
    });
  });

  describe('null in numeric fields on create', () => {
    it.each(['annualValueAtScale', 'costToDate', 'costToScale'])('%s: null -> 400 naming it', async (field) => {
      const before = await countRows(t.dataSource, 'pilots');
      const res = await t.http.post('/api/pilots').send(pilotBody({ [field]: null })).expect(400);
      expect(fieldsOf(res.body)).toEqual([field]);
      expect(await countRows(t.dataSource, 'pilots')).toBe(before);
    });

    it('leaving them out still takes the defaults', async () => {
      const { annualValueAtScale: _a, costToDate: _d, costToScale: _s, ...rest } = pilotBody();
      const res = await t.http.post('/api/pilots').send(rest).expect(201);
      expect(res.body).toMatchObject({ annualValueAtScale: 0, costToDate: 0, costToScale: 0 });
    });

    it('null summary or integration systems: 400 naming them', async () => {
      const res = await t.http.post('/api/pilots').send(pilotBody({ summary: null, integrationSystems: null })).expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(['integrationSystems', 'summary']);
    });
  });

  describe('dates outside 2000-01-01 .. 2100-12-31', () => {
    it.each(['0000-01-01', '1999-12-31', '2101-01-01', '9999-12-31'])('startDate %s: 400 naming it', async (startDate) => {
      const before = await countRows(t.dataSource, 'pilots');
      const res = await t.http.post('/api/pilots').send(pilotBody({ startDate })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['startDate']);
      expect(res.body.fieldErrors[0].messages[0]).toMatch(/between 2000-01-01 and 2100-12-31/);
      expect(await countRows(t.dataSource, 'pilots')).toBe(before);
    });

    it('targetProductionDate 2101-01-01: 400 naming it; the bounds themselves are accepted', async () => {
      expect(fieldsOf((await t.http.post('/api/pilots').send(pilotBody({ targetProductionDate: '2101-01-01' })).expect(400)).body)).toEqual(['targetProductionDate']);
      await t.http.post('/api/pilots').send(pilotBody({ startDate: '2000-01-01', targetProductionDate: '2100-12-31' })).expect(201);
    });
  });

  describe('409 from a unique key', () => {
    it('parallel posts of one week: one created, the rest 409 naming the week, no PostgreSQL key details', async () => {
      const { body: pilot } = await t.http.post('/api/pilots').send(pilotBody({ stage: 'piloting', sponsorId: base.sponsor.id })).expect(201);
      const before = await countRows(t.dataSource, 'weekly_updates');
      const answers = await Promise.all(Array.from({ length: 12 }, () => t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W30' }))));
      expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(11).fill(409)]);
      for (const res of answers.filter((r) => r.status === 409)) {
        expectShape(res.body, 409);
        expect(res.body.message).toMatch(/2026-W30|week/);
        expect(JSON.stringify(res.body)).not.toMatch(/Key \(|\)=\(|weekly_updates_pilot_week|pilot_id/);
      }
      expect(await countRows(t.dataSource, 'weekly_updates')).toBe(before + 1);
    });
  });
});

describe('the body limit is configurable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '65536' });
  });
  afterAll(() => t.close());

  it('a 100 KB body over a 64 KB limit: 413', async () => {
    const res = await t.http.post('/api/business-units').send({ name: 'x'.repeat(100_000) }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than 65536 bytes' });
  });
});
