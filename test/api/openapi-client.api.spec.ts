import Ajv from 'ajv';
import createClient from 'openapi-fetch';
import type { AddressInfo } from 'node:net';
import type { OpenApi } from '@liftoff/shared';
import { AuthService } from '../../server/src/auth/auth.service';
import { startTestApp, type TestApp } from './support/test-app';

type Client = ReturnType<typeof createClient<OpenApi.paths>>;

/**
 * Integrators generate clients from the OpenAPI document; this suite is one. It calls the API through
 * openapi-fetch typed by shared/src/api-types.gen.ts (so `tsc` checks every path, parameter and body
 * here against the document), and validates each answer against the schema the document gives it.
 */
describe('typed client generated from the OpenAPI document', () => {
  let t: TestApp;
  let api: Client;
  let anonymous: Client;
  let conforms: (method: string, path: string, status: number, body: unknown) => void;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const office = await t.as('program_office');
    const { token } = await t.app.get(AuthService).createToken(office.person.id, { name: 'typed client' });
    api = createClient<OpenApi.paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
    anonymous = createClient<OpenApi.paths>({ baseUrl });

    const doc = (await (await fetch(`${baseUrl}/api/docs/json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }> }>>; components: { responses: Record<string, { content?: Record<string, { schema: object }> }> } };
    // The document's components as one schema, so `#/components/schemas/…` references resolve inside it.
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    conforms = (method, path, status, body) => {
      const declared = doc.paths[path]?.[method]?.responses[String(status)];
      expect({ route: `${method} ${path}`, status, declared: declared !== undefined }).toEqual({ route: `${method} ${path}`, status, declared: true });
      const response = declared!.$ref ? doc.components.responses[declared!.$ref.split('/').pop()!] : declared!;
      const schema = response.content?.['application/json']?.schema as { $ref?: string; type?: string; items?: { $ref: string } };
      const rooted = JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"openapi#/components'));
      const validate = ajv.compile(rooted);
      expect({ route: `${method} ${path}`, status, errors: validate(body) ? null : validate.errors }).toEqual({ route: `${method} ${path}`, status, errors: null });
    };
  });
  afterAll(() => t.close());

  it('creates a unit, people and a pilot, then reads, lists and edits it, every answer as documented', async () => {
    const unit = await api.POST('/api/business-units', { body: { name: `Typed unit ${Date.now()}` } });
    expect(unit.response.status).toBe(201);
    conforms('post', '/api/business-units', 201, unit.data);
    const person = async (role: 'pilot_lead' | 'executive') => {
      const res = await api.POST('/api/people', { body: { name: `Typed ${role}`, email: `typed-${role}-${Date.now()}@example.com`, role, businessUnitId: unit.data!.id } });
      conforms('post', '/api/people', 201, res.data);
      return res.data!;
    };
    const lead = await person('pilot_lead');
    const sponsor = await person('executive');

    const created = await api.POST('/api/pilots', {
      body: { name: 'Typed pilot', businessUnitId: unit.data!.id, useCaseCategory: 'forecasting', leadId: lead.id, sponsorId: sponsor.id, stage: 'piloting', startDate: '2026-06-01', complexity: 'typical' },
    });
    expect(created.response.status).toBe(201);
    conforms('post', '/api/pilots', 201, created.data);
    const pilot = created.data!;
    expect(pilot).toMatchObject({ name: 'Typed pilot', stage: 'piloting', lead: { id: lead.id }, sponsor: { id: sponsor.id } });

    const read = await api.GET('/api/pilots/{id}', { params: { path: { id: pilot.id } } });
    conforms('get', '/api/pilots/{id}', 200, read.data);
    expect(read.data!.version).toBe(pilot.version);

    const listed = await api.GET('/api/pilots', { params: { query: { search: 'Typed pilot', stage: 'piloting', pageSize: 5 } } });
    conforms('get', '/api/pilots', 200, listed.data);
    expect(listed.data!.items.map((p) => p.id)).toEqual([pilot.id]);

    const edited = await api.PATCH('/api/pilots/{id}', { params: { path: { id: pilot.id } }, body: { version: pilot.version, summary: 'Forecasts demand per store', sponsorId: null } });
    conforms('patch', '/api/pilots/{id}', 200, edited.data);
    expect(edited.data).toMatchObject({ summary: 'Forecasts demand per store', sponsor: null, version: pilot.version + 1 });

    // The same edit again carries the version read before: refused, with who changed it in between.
    const stale = await api.PATCH('/api/pilots/{id}', { params: { path: { id: pilot.id } }, body: { version: pilot.version, summary: 'Overwrites the other edit' } });
    expect(stale.response.status).toBe(409);
    conforms('patch', '/api/pilots/{id}', 409, stale.error);
    expect(stale.error!.staleEdit).toMatchObject({ currentVersion: pilot.version + 1 });

    const update = await api.POST('/api/pilots/{pilotId}/updates', {
      params: { path: { pilotId: pilot.id } },
      body: { week: '2026-W40', authorId: lead.id, health: 'at_risk', summary: 'Waiting on data access.', confidence: 2, activeUsers: 4, activeUsersOutsideTeam: 0, scaleQuestionAsked: false, resourcesRedirected: false },
    });
    expect(update.response.status).toBe(201);
    conforms('post', '/api/pilots/{pilotId}/updates', 201, update.data);

    const diagnosis = await api.GET('/api/pilots/{pilotId}/diagnosis', { params: { path: { pilotId: pilot.id } } });
    conforms('get', '/api/pilots/{pilotId}/diagnosis', 200, diagnosis.data);
    const overview = await api.GET('/api/portfolio/overview', {});
    conforms('get', '/api/portfolio/overview', 200, overview.data);
    const queue = await api.GET('/api/scale-queue', {});
    conforms('get', '/api/scale-queue', 200, queue.data);
    const me = await api.GET('/api/auth/me', {});
    conforms('get', '/api/auth/me', 200, me.data);
  });

  it('gets the documented error shapes back: 400 naming the field, 404, 401', async () => {
    const invalid = await api.POST('/api/business-units', { body: { name: '' } });
    expect(invalid.response.status).toBe(400);
    conforms('post', '/api/business-units', 400, invalid.error);
    expect(invalid.error!.fieldErrors!.map((e) => e.field)).toEqual(['name']);

    const missing = await api.GET('/api/pilots/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    conforms('get', '/api/pilots/{id}', 404, missing.error);

    const signedOut = await anonymous.GET('/api/pilots', {});
    expect(signedOut.response.status).toBe(401);
    conforms('get', '/api/pilots', 401, signedOut.error);
    expect(signedOut.error!.message).toMatch(/sign in/i);
  });
});
