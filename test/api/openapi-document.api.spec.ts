import { Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AnyRole } from '../../server/src/auth/access.decorators';
import { createOpenApiDocument } from '../../server/src/openapi/openapi-document';
import { startTestApp, type TestApp } from './support/test-app';
import { UNKNOWN_ID } from './support/fixtures';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; responses: Record<string, unknown>; schemas: Record<string, unknown> };
  'x-webhooks': Record<string, { post: Operation }>;
}

/** The probes: no parameters, no body, no credentials, so no 4xx exists for them (see .redocly.lint-ignore.yaml). */
// Public routes without parameters or a body: nothing a caller sends can be refused (see .redocly.lint-ignore.yaml).
const NO_INPUT_ROUTES = ['/api/health', '/api/health/live', '/api/health/ready', '/api/auth/sign-in-options'];

describe('OpenAPI document (GET /api/docs/json)', () => {
  let t: TestApp;
  let doc: Document;
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.anonymous.get('/api/docs/json').expect(200)).body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
  });
  afterAll(() => t.close());

  it('documents every route with a summary and a unique operation id', () => {
    expect(operations.length).toBeGreaterThan(50);
    for (const { method, path, op } of operations) expect({ route: `${method} ${path}`, summary: op.summary?.trim() || undefined }).toEqual({ route: `${method} ${path}`, summary: expect.any(String) });
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-zA-Z]+_[a-zA-Z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares security exactly on the routes that refuse an anonymous caller, by asking each of them', async () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
    const mismatches: string[] = [];
    for (const { method, path, op } of operations) {
      const url = path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
      const req = t.anonymous[method as 'get' | 'post'](url);
      const res = method === 'get' || method === 'delete' ? await req : await req.set('Content-Type', 'application/json').send('{}');
      const refusedAnonymous = res.status === 401;
      const declaresSecurity = (op.security ?? []).length > 0;
      if (refusedAnonymous !== declaresSecurity) mismatches.push(`${method.toUpperCase()} ${path}: answered ${res.status}, security ${JSON.stringify(op.security)}`);
      if (declaresSecurity) expect(op.security).toEqual([{ session: [] }, { token: [] }]);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives every route but the health probes its 4xx answers with the error shape, and every success a schema', () => {
    const resolve = (response: Operation['responses'][string]) =>
      (response.$ref ? doc.components.responses[response.$ref.replace('#/components/responses/', '')] : response) as Operation['responses'][string] | undefined;
    for (const { method, path, op } of operations) {
      const route = `${method.toUpperCase()} ${path}`;
      const errors = Object.keys(op.responses).filter((status) => /^4\d\d$/.test(status));
      if (!NO_INPUT_ROUTES.includes(path)) expect({ route, has4xx: errors.length > 0 }).toEqual({ route, has4xx: true });
      for (const status of errors) {
        expect({ route, status, schema: resolve(op.responses[status])?.content?.['application/json']?.schema }).toEqual({ route, status, schema: { $ref: '#/components/schemas/ApiError' } });
      }
      // Everything that can be called signed out or with parameters can be refused with 400/401.
      if ((op.security ?? []).length > 0) expect({ route, statuses: Object.keys(op.responses) }).toEqual({ route, statuses: expect.arrayContaining(['401', '403']) });
      if (path.includes('{')) expect({ route, statuses: Object.keys(op.responses) }).toEqual({ route, statuses: expect.arrayContaining(['400', '404']) });
      if (method !== 'get') expect({ route, statuses: Object.keys(op.responses) }).toEqual({ route, statuses: expect.arrayContaining(['403', '413', '415']) });
      const [successStatus, success] = Object.entries(op.responses).find(([status]) => status.startsWith('2'))!;
      if (successStatus !== '204' && !['/api/health/live', '/api/health/ready'].includes(path)) {
        // JSON, or for a download each file type it may come as.
        const schema = success.content?.['application/json']?.schema ?? success.content?.['text/csv']?.schema;
        expect({ route, schema }).toEqual({ route, schema: expect.anything() });
      }
    }
  });

  it('resolves every schema reference, and describes each webhook event payload', () => {
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    const missing = [...new Set(refs)].map((ref) => JSON.parse(ref).replace('#/components/schemas/', '')).filter((name) => !(name in doc.components.schemas));
    expect(missing).toEqual([]);
    expect(Object.keys(doc['x-webhooks']).sort()).toEqual(
      ['decision.recorded', 'import.completed', 'portfolio.digest', 'recommendation.changed', 'stuck_sign.opened', 'stuck_sign.resolved', 'thresholds.changed', 'update.posted', 'update.reminder'].sort(),
    );
    const posted = doc.components.schemas.UpdatePostedEvent as { properties: Record<string, unknown>; required: string[] };
    expect(posted.properties.type).toEqual({ type: 'string', enum: ['update.posted'] });
    expect(posted.required).toEqual(expect.arrayContaining(['id', 'type', 'occurredAt', 'data']));
  });

  it('refuses to build a document with a route that has no summary, naming the route', async () => {
    @Controller('undocumented')
    class UndocumentedController {
      @AnyRole()
      @Get()
      list(): string[] {
        return [];
      }
    }
    const moduleRef = await Test.createTestingModule({ controllers: [UndocumentedController] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    expect(() => createOpenApiDocument(app)).toThrow(/summary.*\n\s+GET \/api\/undocumented \(UndocumentedController\.list\)/);
    await app.close();
  });
});
