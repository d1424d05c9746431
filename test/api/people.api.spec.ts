import type { BusinessUnit, Person } from '@liftoff/shared';
import { createPerson, createPilot, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** A person created through the API: active, without a password or a pending link. */
const NEW_ACCOUNT = { active: true, deactivatedAt: null, hasPassword: false, pendingLink: null };

describe('people API', () => {
  let t: TestApp;
  let unit: BusinessUnit;
  let otherUnit: BusinessUnit;
  beforeAll(async () => {
    t = await startTestApp();
    unit = (await t.http.post('/api/business-units').send({ name: 'People unit' }).expect(201)).body;
    otherUnit = (await t.http.post('/api/business-units').send({ name: 'Other people unit' }).expect(201)).body;
  });
  afterAll(() => t.close());

  const stored = async (id: string) => (await t.dataSource.query('SELECT name, email, role, business_unit_id, version FROM people WHERE id = $1', [id]))[0];

  describe('POST /api/people', () => {
    it('creates a person with a lower-cased, trimmed email and reads it back', async () => {
      const res = await t.http.post('/api/people').send({ name: 'Grace Hopper', email: '  Grace.Hopper@Example.COM ', role: 'pilot_lead', businessUnitId: unit.id }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Grace Hopper', email: 'grace.hopper@example.com', role: 'pilot_lead', businessUnitId: unit.id, timeZone: 'UTC', ...NEW_ACCOUNT, version: 1 });
      expect((await t.http.get(`/api/people/${res.body.id}`).expect(200)).body).toEqual(res.body);
      const noUnit = await t.http.post('/api/people').send({ name: 'No Unit', email: 'no.unit@example.com', role: 'viewer' }).expect(201);
      expect(noUnit.body).toMatchObject({ businessUnitId: null, role: 'viewer' });
      const inAuckland = await t.http.post('/api/people').send({ name: 'Kiri', email: 'kiri@example.com', role: 'pilot_lead', timeZone: 'Pacific/Auckland' }).expect(201);
      expect(inAuckland.body.timeZone).toBe('Pacific/Auckland');
    });

    it.each([
      [{ email: 'a1@example.com', role: 'viewer' }, 'name'],
      [{ name: '', email: 'a2@example.com', role: 'viewer' }, 'name'],
      [{ name: 42, email: 'a3@example.com', role: 'viewer' }, 'name'],
      [{ name: 'x'.repeat(161), email: 'a4@example.com', role: 'viewer' }, 'name'],
      [{ name: 'A', role: 'viewer' }, 'email'],
      [{ name: 'A', email: 'not-an-email', role: 'viewer' }, 'email'],
      [{ name: 'A', email: 12, role: 'viewer' }, 'email'],
      [{ name: 'A', email: 'a5@example.com' }, 'role'],
      [{ name: 'A', email: 'a6@example.com', role: 'king' }, 'role'],
      [{ name: 'A', email: 'a7@example.com', role: 'viewer', businessUnitId: 'unit-1' }, 'businessUnitId'],
      [{ name: 'A', email: 'a8@example.com', role: 'viewer', businessUnitId: UNKNOWN_ID }, 'businessUnitId'],
      [{ name: 'A', email: 'a9@example.com', role: 'viewer', password: 'secret' }, 'password'],
    ])('rejects %j with 400 naming %s and creates nobody', async (body, field) => {
      const before = await countRows(t.dataSource, 'people');
      const res = await t.http.post('/api/people').send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toContain(field);
      expect(await countRows(t.dataSource, 'people')).toBe(before);
    });

    it('refuses a duplicate email whatever its case with 409 and creates nobody', async () => {
      await t.http.post('/api/people').send({ name: 'Ada Lovelace', email: 'ada@example.com', role: 'executive' }).expect(201);
      const before = await countRows(t.dataSource, 'people');
      const res = await t.http.post('/api/people').send({ name: 'Ada Again', email: 'ADA@Example.com', role: 'viewer' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.message).toMatch(/ada@example\.com/);
      expect(await countRows(t.dataSource, 'people')).toBe(before);
    });

    it('refuses an unknown or null time zone with 400 naming the field, and changes nothing', async () => {
      const before = await countRows(t.dataSource, 'people');
      const unknown = await t.http.post('/api/people').send({ name: 'Nowhere', email: 'nowhere@example.com', role: 'viewer', timeZone: 'Mars/Olympus' }).expect(400);
      expect(JSON.stringify(unknown.body.message)).toMatch(/timeZone/);
      expect(await countRows(t.dataSource, 'people')).toBe(before);
      const person = await createPerson(t, 'viewer');
      const nulled = await t.http.patch(`/api/people/${person.id}`).send({ timeZone: null, version: 1 }).expect(400);
      expect(JSON.stringify(nulled.body.message)).toMatch(/timeZone/);
      const moved = await t.http.patch(`/api/people/${person.id}`).send({ timeZone: 'America/Los_Angeles', version: 1 }).expect(200);
      expect(moved.body).toMatchObject({ timeZone: 'America/Los_Angeles', version: 2 });
    });
  });

  describe('GET /api/people', () => {
    it('filters by role and unit and paginates in name order', async () => {
      const names = ['Zed Exec', 'Amy Exec', 'Mia Exec'];
      for (const name of names) {
        await t.http.post('/api/people').send({ name, email: `${name.replace(' ', '.')}@units.example.com`, role: 'executive', businessUnitId: otherUnit.id }).expect(201);
      }
      await createPerson(t, 'viewer', otherUnit.id);
      const page1 = (await t.http.get(`/api/people?businessUnitId=${otherUnit.id}&role=executive&pageSize=2`).expect(200)).body;
      expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page1.items.map((p: Person) => p.name)).toEqual(['Amy Exec', 'Mia Exec']);
      const page2 = (await t.http.get(`/api/people?businessUnitId=${otherUnit.id}&role=executive&pageSize=2&page=2`).expect(200)).body;
      expect(page2.items.map((p: Person) => p.name)).toEqual(['Zed Exec']);
      const wholeUnit = (await t.http.get(`/api/people?businessUnitId=${otherUnit.id}`).expect(200)).body;
      expect(wholeUnit.total).toBe(4);
      expect(wholeUnit.items.every((p: Person) => p.businessUnitId === otherUnit.id)).toBe(true);
      const all = (await t.http.get('/api/people').expect(200)).body;
      expect(all).toMatchObject({ page: 1, pageSize: 25, total: await countRows(t.dataSource, 'people') });
    });

    it.each([
      ['role=king', 'role'],
      ['businessUnitId=nope', 'businessUnitId'],
      ['pageSize=201', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['colour=red', 'colour'],
    ])('rejects the query %s with 400 naming %s', async (query, field) => {
      expect(fieldsOf(await t.http.get(`/api/people?${query}`).expect(400))).toContain(field);
    });
  });

  describe('GET /api/people/:id', () => {
    it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
      const missing = await t.http.get(`/api/people/${UNKNOWN_ID}`).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, message: expect.stringContaining(UNKNOWN_ID) });
      expect(fieldsOf(await t.http.get('/api/people/not-a-uuid').expect(400))).toEqual(['id']);
    });
  });

  describe('PATCH /api/people/:id', () => {
    it('edits name, email, role and unit, bumping the version', async () => {
      const person = await createPerson(t, 'viewer', unit.id);
      const res = await t.http.patch(`/api/people/${person.id}`).send({ name: 'Renamed', email: 'Renamed.Person@Example.com', role: 'executive', businessUnitId: null, version: 1 }).expect(200);
      expect(res.body).toEqual({ id: person.id, name: 'Renamed', email: 'renamed.person@example.com', role: 'executive', businessUnitId: null, timeZone: 'UTC', ...NEW_ACCOUNT, version: 2 });
      expect(await stored(person.id)).toEqual({ name: 'Renamed', email: 'renamed.person@example.com', role: 'executive', business_unit_id: null, version: 2 });
      const own = await t.http.patch(`/api/people/${person.id}`).send({ email: 'RENAMED.person@example.com', businessUnitId: otherUnit.id, version: 2 }).expect(200);
      expect(own.body).toMatchObject({ email: 'renamed.person@example.com', businessUnitId: otherUnit.id, version: 3 });
    });

    it.each([
      [{ name: 'No version' }, 'version'],
      [{ name: 'Zero', version: 0 }, 'version'],
      [{ name: 'Text', version: '1' }, 'version'],
      [{ name: '', version: 1 }, 'name'],
      [{ name: null, version: 1 }, 'name'],
      [{ email: 'nope', version: 1 }, 'email'],
      [{ email: null, version: 1 }, 'email'],
      [{ role: 'king', version: 1 }, 'role'],
      [{ role: null, version: 1 }, 'role'],
      [{ businessUnitId: 'x', version: 1 }, 'businessUnitId'],
      [{ businessUnitId: UNKNOWN_ID, version: 1 }, 'businessUnitId'],
      [{ nickname: 'Bob', version: 1 }, 'nickname'],
    ])('rejects %j with 400 naming %s and changes nothing', async (body, field) => {
      const person = await createPerson(t, 'viewer', unit.id);
      const before = await stored(person.id);
      const res = await t.http.patch(`/api/people/${person.id}`).send(body).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await stored(person.id)).toEqual(before);
    });

    it('refuses a stale version with 409 and keeps the newer edit', async () => {
      const person = await createPerson(t, 'viewer');
      await t.http.patch(`/api/people/${person.id}`).send({ name: 'Newer', version: 1 }).expect(200);
      const res = await t.http.patch(`/api/people/${person.id}`).send({ name: 'Older', version: 1 }).expect(409);
      expect(res.body.message).toMatch(/changed by someone else/);
      expect(await stored(person.id)).toMatchObject({ name: 'Newer', version: 2 });
    });

    it("refuses taking someone else's email in another case with 409", async () => {
      const a = await createPerson(t, 'viewer');
      const b = await createPerson(t, 'viewer');
      const res = await t.http.patch(`/api/people/${b.id}`).send({ email: a.email.toUpperCase(), version: 1 }).expect(409);
      expect(res.body.message).toContain(a.email);
      expect(await stored(b.id)).toMatchObject({ email: b.email, version: 1 });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await t.http.patch(`/api/people/${UNKNOWN_ID}`).send({ name: 'Ghost', version: 1 }).expect(404);
      expect(fieldsOf(await t.http.patch('/api/people/42').send({ name: 'Ghost', version: 1 }).expect(400))).toEqual(['id']);
    });
  });

  describe('DELETE /api/people/:id', () => {
    it('deletes a person, who is gone afterwards', async () => {
      const person = await createPerson(t, 'viewer');
      const before = await countRows(t.dataSource, 'people');
      await t.http.delete(`/api/people/${person.id}`).expect(204);
      await t.http.get(`/api/people/${person.id}`).expect(404);
      expect(await countRows(t.dataSource, 'people')).toBe(before - 1);
    });

    it('refuses with 409 to delete someone who leads a pilot, and keeps them', async () => {
      const lead = await createPerson(t, 'pilot_lead', unit.id);
      await createPilot(t, { businessUnitId: unit.id, leadId: lead.id });
      const res = await t.http.delete(`/api/people/${lead.id}`).expect(409);
      expect(res.body.message).toMatch(/still in use/);
      await t.http.get(`/api/people/${lead.id}`).expect(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const before = await countRows(t.dataSource, 'people');
      await t.http.delete(`/api/people/${UNKNOWN_ID}`).expect(404);
      expect(fieldsOf(await t.http.delete('/api/people/abc').expect(400))).toEqual(['id']);
      expect(await countRows(t.dataSource, 'people')).toBe(before);
    });
  });
});
