import type { Pilot, StageChange } from '@liftoff/shared';
import { createBasicPortfolio, createPerson, createPilot, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('pilots API', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const valid = () => ({ name: 'Claims triage', useCaseCategory: 'customer_service', businessUnitId: base.unit.id, leadId: base.lead.id, startDate: '2026-05-04', complexity: 'typical' });

  it('creates a pilot with names resolved and records its first stage', async () => {
    const res = await t.http.post('/api/pilots').send({ ...valid(), sponsorId: base.sponsor.id, integrationSystems: ['CRM'], annualValueAtScale: 900000 }).expect(201);
    const pilot = res.body as Pilot;
    expect(pilot).toMatchObject({ name: 'Claims triage', stage: 'proposed', businessUnitName: base.unit.name, lead: { id: base.lead.id, name: base.lead.name }, sponsor: { id: base.sponsor.id }, integrationSystems: ['CRM'], annualValueAtScale: 900000, version: 1, lastUpdateWeek: null });
    const changes: StageChange[] = (await t.http.get(`/api/pilots/${pilot.id}/stage-changes`).expect(200)).body;
    expect(changes).toEqual([expect.objectContaining({ fromStage: null, toStage: 'proposed' })]);
  });

  it.each([
    [{ name: 42 }, 'name'],
    [{ complexity: 'easy' }, 'complexity'],
    [{ startDate: '2026-02-30' }, 'startDate'],
    [{ businessUnitId: 'x' }, 'businessUnitId'],
    [{ annualValueAtScale: -5 }, 'annualValueAtScale'],
    [{ stage: 'flying' }, 'stage'],
    [{ colour: 'red' }, 'colour'],
    [{ leadId: '00000000-0000-4000-8000-000000000000' }, 'leadId'],
    [{ integrationSystems: ['CRM', ''] }, 'integrationSystems'],
  ])('rejects %j with 400 naming %s and creates nothing', async (patch, field) => {
    const before = await countRows(t.dataSource, 'pilots');
    const res = await t.http.post('/api/pilots').send({ ...valid(), ...patch }).expect(400);
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t.dataSource, 'pilots')).toBe(before);
  });

  it('filters by unit, stage, lead, sponsor and name, and paginates', async () => {
    const otherLead = await createPerson(t, 'pilot_lead', base.unit.id);
    for (const name of ['Alpha search', 'Beta search', 'Gamma']) {
      await createPilot(t, { businessUnitId: base.unit.id, leadId: otherLead.id, stage: 'piloting', name });
    }
    const byLead = (await t.http.get(`/api/pilots?leadId=${otherLead.id}&pageSize=2&sort=name`).expect(200)).body;
    expect(byLead).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(byLead.items.map((p: Pilot) => p.name)).toEqual(['Alpha search', 'Beta search']);
    const page2 = (await t.http.get(`/api/pilots?leadId=${otherLead.id}&pageSize=2&page=2&sort=name`).expect(200)).body;
    expect(page2.items.map((p: Pilot) => p.name)).toEqual(['Gamma']);
    const desc = (await t.http.get(`/api/pilots?leadId=${otherLead.id}&sort=name&order=desc`).expect(200)).body;
    expect(desc.items[0].name).toBe('Gamma');
    expect((await t.http.get(`/api/pilots?leadId=${otherLead.id}&search=SEARCH`).expect(200)).body.total).toBe(2);
    expect((await t.http.get(`/api/pilots?sponsorId=${base.sponsor.id}`).expect(200)).body.items.every((p: Pilot) => p.sponsor?.id === base.sponsor.id)).toBe(true);
    expect((await t.http.get(`/api/pilots?stage=piloting&businessUnitId=${base.unit.id}`).expect(200)).body.items.every((p: Pilot) => p.stage === 'piloting')).toBe(true);
    for (const bad of ['pageSize=500', 'page=0', 'stage=flying', 'sort=colour', 'leadId=nope']) await t.http.get(`/api/pilots?${bad}`).expect(400);
  });

  it('edits with optimistic locking: a stale version is refused and the newer edit kept', async () => {
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
    const edited = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'New scope', version: 1 }).expect(200)).body;
    expect(edited).toMatchObject({ summary: 'New scope', version: 2 });
    const stale = await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'Old scope', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
    expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.summary).toBe('New scope');
    await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'x' }).expect(400);
    await t.http.patch(`/api/pilots/${pilot.id}`).send({ stage: 'scaling', version: 2 }).expect(400);
    await t.http.patch('/api/pilots/00000000-0000-4000-8000-000000000000').send({ summary: 'x', version: 1 }).expect(404);
  });

  it('moves stages along allowed transitions only, keeping history', async () => {
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
    const moved = (await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'piloting', version: 1, note: 'Kick-off' }).expect(200)).body;
    expect(moved).toMatchObject({ stage: 'piloting', version: 2 });
    await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'scaling', version: 1 }).expect(409);
    await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'production', version: 2 }).expect(409);
    await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'killed', version: 2 }).expect(200);
    const refused = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'piloting', version: 3 }).expect(409);
    expect(refused.body.message).toMatch(/cannot move/);
    const changes: StageChange[] = (await t.http.get(`/api/pilots/${pilot.id}/stage-changes`).expect(200)).body;
    expect(changes.map((c) => c.toStage)).toEqual(['proposed', 'piloting', 'killed']);
    expect(changes[1]).toMatchObject({ note: 'Kick-off', changedBy: { id: expect.any(String) } });
  });

  it('lets a lead edit their own pilot but not its sponsor, and not other pilots', async () => {
    const lead = await t.as('pilot_lead');
    const own = await createPilot(t, { businessUnitId: base.unit.id, leadId: lead.person.id });
    await lead.patch(`/api/pilots/${own.id}`).send({ summary: 'Mine', version: 1 }).expect(200);
    const sponsor = await lead.patch(`/api/pilots/${own.id}`).send({ sponsorId: base.sponsor.id, version: 2 }).expect(403);
    expect(sponsor.body.message).toMatch(/program office/);
    await lead.patch(`/api/pilots/${base.pilot.id}`).send({ summary: 'Not mine', version: base.pilot.version }).expect(403);
  });

  it('deletes a pilot, 404 afterwards, 409 when a unit still has pilots', async () => {
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
    await t.http.delete(`/api/pilots/${pilot.id}`).expect(204);
    await t.http.get(`/api/pilots/${pilot.id}`).expect(404);
    const res = await t.http.delete(`/api/business-units/${base.unit.id}`).expect(409);
    expect(res.body.message).toMatch(/still in use|still referenced/);
    await t.http.get(`/api/business-units/${base.unit.id}`).expect(200);
  });
});
