import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('business units API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates, lists, reads, renames and deletes a unit', async () => {
    const created = await t.http.post('/api/business-units').send({ name: 'Operations' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Operations', version: 1 });
    const list = await t.http.get('/api/business-units').expect(200);
    expect(list.body.map((u: { name: string }) => u.name)).toContain('Operations');
    await t.http.get(`/api/business-units/${created.body.id}`).expect(200);
    const renamed = await t.http.patch(`/api/business-units/${created.body.id}`).send({ name: 'Ops', version: 1 }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Ops', version: 2 });
    await t.http.delete(`/api/business-units/${created.body.id}`).expect(204);
    await t.http.get(`/api/business-units/${created.body.id}`).expect(404);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'Fine', colour: 'blue' }, 'colour'],
  ])('rejects %j with a 400 naming %s and writes nothing', async (body, field) => {
    const before = await countRows(t.dataSource, 'business_units');
    const res = await t.http.post('/api/business-units').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t.dataSource, 'business_units')).toBe(before);
  });

  it('refuses a duplicate name with 409', async () => {
    await t.http.post('/api/business-units').send({ name: 'Finance' }).expect(201);
    const res = await t.http.post('/api/business-units').send({ name: 'Finance' }).expect(409);
    expect(res.body.message).toMatch(/already exists/);
  });

  it('refuses an edit made from a stale version with 409 and keeps the newer edit', async () => {
    const { body: unit } = await t.http.post('/api/business-units').send({ name: 'Legal' }).expect(201);
    await t.http.patch(`/api/business-units/${unit.id}`).send({ name: 'Legal & Risk', version: 1 }).expect(200);
    const stale = await t.http.patch(`/api/business-units/${unit.id}`).send({ name: 'Legal only', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
    const current = await t.http.get(`/api/business-units/${unit.id}`).expect(200);
    expect(current.body).toMatchObject({ name: 'Legal & Risk', version: 2 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await t.http.get('/api/business-units/00000000-0000-4000-8000-000000000000').expect(404);
    const res = await t.http.get('/api/business-units/not-a-uuid').expect(400);
    expect(res.body.fieldErrors).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it('answers malformed JSON with the same error shape', async () => {
    const res = await t.http.post('/api/business-units').set('Content-Type', 'application/json').send('{"name":').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body.status).toBe('ok');
    const docs = await t.http.get('/api/docs/json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/pilots', '/api/pilots/{pilotId}/updates']));
  });
});
