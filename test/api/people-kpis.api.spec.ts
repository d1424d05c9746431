import type { Kpi, Person } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('people API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates, lists by role, edits with its version and deletes people; emails are unique whatever their case', async () => {
    const created = (await t.http.post('/api/people').send({ name: 'Ada Lovelace', email: 'Ada@Example.com', role: 'executive' }).expect(201)).body as Person;
    expect(created).toMatchObject({ email: 'ada@example.com', role: 'executive', businessUnitId: null, version: 1 });
    const dup = await t.http.post('/api/people').send({ name: 'Ada Again', email: 'ADA@example.com', role: 'viewer' }).expect(409);
    expect(dup.body.message).toMatch(/ada@example.com/);
    const execs = (await t.http.get('/api/people?role=executive').expect(200)).body;
    expect(execs.items.map((p: Person) => p.id)).toContain(created.id);
    expect(execs.items.every((p: Person) => p.role === 'executive')).toBe(true);
    const edited = (await t.http.patch(`/api/people/${created.id}`).send({ role: 'viewer', version: 1 }).expect(200)).body;
    expect(edited).toMatchObject({ role: 'viewer', version: 2 });
    await t.http.patch(`/api/people/${created.id}`).send({ role: 'executive', version: 1 }).expect(409);
    await t.http.delete(`/api/people/${created.id}`).expect(204);
    await t.http.get(`/api/people/${created.id}`).expect(404);
  });

  it.each([
    [{ name: 'X', email: 'not-an-email', role: 'viewer' }, 'email'],
    [{ name: 'X', email: 'x@example.com', role: 'king' }, 'role'],
    [{ email: 'y@example.com', role: 'viewer' }, 'name'],
    [{ name: 'X', email: 'z@example.com', role: 'viewer', businessUnitId: '00000000-0000-4000-8000-000000000000' }, 'businessUnitId'],
    [{ name: 'X', email: 'w@example.com', role: 'viewer', password: 'secret' }, 'password'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const before = await countRows(t.dataSource, 'people');
    const res = await t.http.post('/api/people').send(body).expect(400);
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t.dataSource, 'people')).toBe(before);
  });

  it('never exposes password hashes', async () => {
    const list = await t.http.get('/api/people?pageSize=200').expect(200);
    // `hasPassword` is a yes/no; no hash or hash-shaped value ever leaves the server.
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|password_hash|argon2/i);
  });
});

describe('KPIs API', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  it('creates, lists, edits and deletes KPIs of a pilot', async () => {
    const kpi = await createKpi(t, base.pilot.id, { name: 'First-contact resolution', unit: '%', baseline: null, target: 80, direction: 'higher_is_better' });
    expect(kpi).toMatchObject({ pilotId: base.pilot.id, baseline: null, target: 80, version: 1 });
    const list: Kpi[] = (await t.http.get(`/api/pilots/${base.pilot.id}/kpis`).expect(200)).body;
    expect(list.map((k) => k.id)).toEqual([kpi.id]);
    const edited = (await t.http.patch(`/api/kpis/${kpi.id}`).send({ baseline: 55, version: 1 }).expect(200)).body;
    expect(edited).toMatchObject({ baseline: 55, target: 80, version: 2 });
    await t.http.patch(`/api/kpis/${kpi.id}`).send({ baseline: 60, version: 1 }).expect(409);
    expect((await t.http.get(`/api/kpis/${kpi.id}`).expect(200)).body.baseline).toBe(55);
    await t.http.delete(`/api/kpis/${kpi.id}`).expect(204);
    await t.http.get(`/api/kpis/${kpi.id}`).expect(404);
  });

  it('refuses a duplicate name on the same pilot, bad bodies and unknown pilots', async () => {
    await createKpi(t, base.pilot.id, { name: 'Cost per case' });
    const dup = await t.http.post(`/api/pilots/${base.pilot.id}/kpis`).send({ name: 'Cost per case', unit: 'EUR', direction: 'lower_is_better' }).expect(409);
    expect(dup.body.message).toMatch(/Cost per case/);
    const before = await countRows(t.dataSource, 'kpis');
    const bad = await t.http.post(`/api/pilots/${base.pilot.id}/kpis`).send({ name: 'Speed', unit: 's', direction: 'sideways', baseline: 'fast' }).expect(400);
    expect(bad.body.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['baseline', 'direction']);
    expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    await t.http.post('/api/pilots/00000000-0000-4000-8000-000000000000/kpis').send({ name: 'A', unit: 'b', direction: 'lower_is_better' }).expect(404);
  });
});
