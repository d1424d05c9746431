import { createBasicPortfolio, fieldsOf } from './support/fixtures';
import type { AuditEventView, BusinessUnit } from '@liftoff/shared';
import { startTestApp, type TestApp } from './support/test-app';

describe('GET /api/audit: who made each change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const eventsFor = async (entity: string, entityId: string) =>
    (await t.http.get(`/api/audit?entity=${entity}&entityId=${entityId}`).expect(200)).body.items as AuditEventView[];

  it('names the actor next to their id', async () => {
    const office = await t.as('program_office');
    const unit: BusinessUnit = (await office.post('/api/business-units').send({ name: 'Audited unit' }).expect(201)).body;
    await office.patch(`/api/business-units/${unit.id}`).send({ name: 'Audited unit, renamed', version: unit.version }).expect(200);
    const events = await eventsFor('business_units', unit.id);
    expect(events.map((e) => [e.action, e.actorId, e.actorName])).toEqual([
      ['update', office.person.id, office.person.name],
      ['insert', office.person.id, office.person.name],
    ]);
    const byActor = (await t.http.get(`/api/audit?actorId=${office.person.id}`).expect(200)).body;
    expect(byActor.total).toBeGreaterThanOrEqual(2);
    expect(byActor.items.every((e: AuditEventView) => e.actorId === office.person.id && e.actorName === office.person.name)).toBe(true);
  });

  it('names the records an event refers to: its own and every id among its values', async () => {
    const base = await createBasicPortfolio(t);
    await t.http.patch(`/api/pilots/${base.pilot.id}`).send({ version: base.pilot.version, sponsorId: null }).expect(200);
    const [edit] = await eventsFor('pilots', base.pilot.id);
    expect(edit.before).toMatchObject({ sponsorId: base.sponsor.id });
    expect(edit.names).toMatchObject({ [base.pilot.id]: base.pilot.name, [base.sponsor.id]: base.sponsor.name, [base.lead.id]: base.lead.name, [base.unit.id]: base.unit.name });
  });

  it('gives no name for the system, nor for a person since removed', async () => {
    // Test accounts are created outside any request: the system made them.
    const office = await t.as('program_office');
    const [created] = await eventsFor('people', office.person.id);
    expect(created).toMatchObject({ action: 'insert', actorId: null, actorName: null });

    const unit: BusinessUnit = (await office.post('/api/business-units').send({ name: 'Unit of someone who left' }).expect(201)).body;
    await t.http.delete(`/api/people/${office.person.id}`).expect(204);
    const [event] = await eventsFor('business_units', unit.id);
    expect(event).toMatchObject({ action: 'insert', actorId: office.person.id, actorName: null });
  });

  it('still refuses a malformed actor id with 400 naming it', async () => {
    const res = await t.http.get('/api/audit?actorId=someone').expect(400);
    expect(fieldsOf(res)).toEqual(['actorId']);
  });
});
