import type { Pilot } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPerson, createPilot, postUpdate, updateBody, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('pilots API: create, read, edit, delete', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const valid = () => ({ name: 'Invoice reader', useCaseCategory: 'document_processing', businessUnitId: base.unit.id, leadId: base.lead.id, startDate: '2026-05-04', complexity: 'best' });
  const tableCounts = () => Promise.all(['pilots', 'stage_changes'].map((table) => countRows(t.dataSource, table)));
  const stored = async (id: string) => (await t.dataSource.query('SELECT * FROM pilots WHERE id = $1', [id]))[0];

  describe('POST /api/pilots', () => {
    it('creates a pilot with every field, defaults the stage to proposed and reads it back', async () => {
      const body = { ...valid(), summary: 'Reads supplier invoices', sponsorId: base.sponsor.id, targetProductionDate: '2027-01-31', integrationSystems: ['ERP', 'SharePoint'], annualValueAtScale: 250000.5, costToDate: 12000, costToScale: 90000, pivotedFromId: base.pilot.id };
      const res = await t.http.post('/api/pilots').send(body).expect(201);
      const pilot = res.body as Pilot;
      expect(pilot).toEqual({
        id: expect.any(String), name: 'Invoice reader', summary: 'Reads supplier invoices', businessUnitId: base.unit.id, businessUnitName: base.unit.name,
        useCaseCategory: 'document_processing', lead: { id: base.lead.id, name: base.lead.name }, sponsor: { id: base.sponsor.id, name: base.sponsor.name },
        stage: 'proposed', stageEnteredAt: expect.any(String), startDate: '2026-05-04', targetProductionDate: '2027-01-31', complexity: 'best',
        integrationSystems: ['ERP', 'SharePoint'], annualValueAtScale: 250000.5, costToDate: 12000, costToScale: 90000, pivotedFromId: base.pilot.id,
        // Analysed as it is created: a pilot with no KPI has unclear success metrics from day one.
        lastUpdateWeek: null, lastUpdateAt: null, lastHealth: null, openFlagCount: expect.any(Number), recommendation: 'keep_piloting', readinessScore: expect.any(Number), patterns: expect.arrayContaining(['unclear_success_metrics']),
        version: 1, createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body).toEqual(pilot);
    });

    it('creates a minimal pilot with empty defaults and an explicit stage', async () => {
      const res = await t.http.post('/api/pilots').send({ ...valid(), stage: 'piloting' }).expect(201);
      expect(res.body).toMatchObject({ summary: '', sponsor: null, stage: 'piloting', targetProductionDate: null, integrationSystems: [], annualValueAtScale: 0, costToDate: 0, costToScale: 0, pivotedFromId: null });
    });

    it.each([
      [{ name: undefined }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'p'.repeat(201) }, 'name'],
      [{ summary: 5 }, 'summary'],
      [{ useCaseCategory: 'astrology' }, 'useCaseCategory'],
      [{ complexity: 'easy' }, 'complexity'],
      [{ stage: 'flying' }, 'stage'],
      [{ startDate: '2026-02-30' }, 'startDate'],
      [{ startDate: '04/05/2026' }, 'startDate'],
      [{ startDate: undefined }, 'startDate'],
      [{ targetProductionDate: '2026-13-01' }, 'targetProductionDate'],
      [{ targetProductionDate: '2026-01-01' }, 'targetProductionDate'],
      [{ businessUnitId: 'unit' }, 'businessUnitId'],
      [{ businessUnitId: UNKNOWN_ID }, 'businessUnitId'],
      [{ leadId: UNKNOWN_ID }, 'leadId'],
      [{ leadId: undefined }, 'leadId'],
      [{ sponsorId: UNKNOWN_ID }, 'sponsorId'],
      [{ sponsorId: 'boss' }, 'sponsorId'],
      [{ pivotedFromId: UNKNOWN_ID }, 'pivotedFromId'],
      [{ integrationSystems: 'CRM' }, 'integrationSystems'],
      [{ integrationSystems: ['CRM', ''] }, 'integrationSystems'],
      [{ annualValueAtScale: -5 }, 'annualValueAtScale'],
      [{ annualValueAtScale: '500' }, 'annualValueAtScale'],
      [{ costToDate: 1.234 }, 'costToDate'],
      [{ costToScale: 1e13 }, 'costToScale'],
      [{ colour: 'red' }, 'colour'],
    ])('rejects %j with 400 naming %s and creates nothing', async (patch, field) => {
      const before = await tableCounts();
      const res = await t.http.post('/api/pilots').send({ ...valid(), ...patch }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toContain(field);
      expect(await tableCounts()).toEqual(before);
    });
  });

  describe('GET /api/pilots/:id', () => {
    it('shows the latest update facts once an update is posted', async () => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W38', health: 'on_track' }));
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W39', health: 'at_risk' }));
      const res = await t.http.get(`/api/pilots/${pilot.id}`).expect(200);
      expect(res.body).toMatchObject({ id: pilot.id, lastUpdateWeek: '2026-W39', lastHealth: 'at_risk', lastUpdateAt: expect.any(String) });
    });

    it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
      const res = await t.http.get(`/api/pilots/${UNKNOWN_ID}`).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringContaining(UNKNOWN_ID) });
      expect((await t.http.get('/api/pilots/xyz').expect(400)).body.fieldErrors).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
    });
  });

  describe('PATCH /api/pilots/:id', () => {
    it('edits fields, clears nullable ones and bumps the version', async () => {
      const newLead = await createPerson(t, 'pilot_lead', base.unit.id);
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, targetProductionDate: '2027-03-01' });
      const res = await t.http.patch(`/api/pilots/${pilot.id}`).send({ name: 'Renamed pilot', summary: 'New scope', leadId: newLead.id, sponsorId: null, targetProductionDate: null, integrationSystems: ['CRM'], costToDate: 5000.25, complexity: 'complex', version: 1 }).expect(200);
      expect(res.body).toMatchObject({ id: pilot.id, name: 'Renamed pilot', summary: 'New scope', lead: { id: newLead.id, name: newLead.name }, sponsor: null, targetProductionDate: null, integrationSystems: ['CRM'], costToDate: 5000.25, complexity: 'complex', stage: pilot.stage, version: 2 });
      expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body).toEqual(res.body);
    });

    it.each([
      [{ summary: 'No version' }, 'version'],
      [{ summary: 'Bad version', version: 'one' }, 'version'],
      [{ stage: 'scaling', version: 1 }, 'stage'],
      [{ name: '', version: 1 }, 'name'],
      [{ name: null, version: 1 }, 'name'],
      [{ businessUnitId: null, version: 1 }, 'businessUnitId'],
      [{ leadId: null, version: 1 }, 'leadId'],
      [{ startDate: null, version: 1 }, 'startDate'],
      [{ complexity: null, version: 1 }, 'complexity'],
      [{ useCaseCategory: null, version: 1 }, 'useCaseCategory'],
      [{ leadId: UNKNOWN_ID, version: 1 }, 'leadId'],
      [{ startDate: '2026-02-29', version: 1 }, 'startDate'],
      [{ targetProductionDate: '2026-01-15', version: 1 }, 'targetProductionDate'],
      [{ costToScale: -1, version: 1 }, 'costToScale'],
      [{ pivotedFromId: 'self', version: 1 }, 'pivotedFromId'],
      [{ owner: 'x', version: 1 }, 'owner'],
    ])('rejects %j with 400 naming %s and changes nothing', async (body, field) => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
      const patch = (body as { pivotedFromId?: string }).pivotedFromId === 'self' ? { ...body, pivotedFromId: pilot.id } : body;
      const before = await stored(pilot.id);
      const res = await t.http.patch(`/api/pilots/${pilot.id}`).send(patch).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await stored(pilot.id)).toEqual(before);
    });

    it('refuses a stale version with 409 and keeps the newer edit', async () => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
      await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'Newer', version: 1 }).expect(200);
      const before = await stored(pilot.id);
      const res = await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'Older', version: 1 }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/changed by someone else.*version 1, current is 2/) });
      expect(await stored(pilot.id)).toEqual(before);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await t.http.patch(`/api/pilots/${UNKNOWN_ID}`).send({ summary: 'x', version: 1 }).expect(404);
      expect(fieldsOf(await t.http.patch('/api/pilots/12').send({ summary: 'x', version: 1 }).expect(400))).toEqual(['id']);
    });
  });

  describe('DELETE /api/pilots/:id', () => {
    it('deletes a pilot with its history, KPIs and updates', async () => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
      const kpi = await createKpi(t, pilot.id);
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W41', kpiReadings: [{ kpiId: kpi.id, value: 1 }], blockers: [{ text: 'Licences not yet bought' }] }));
      const before = await Promise.all(['pilots', 'kpis', 'weekly_updates', 'blockers'].map((table) => countRows(t.dataSource, table)));
      await t.http.delete(`/api/pilots/${pilot.id}`).expect(204);
      await t.http.get(`/api/pilots/${pilot.id}`).expect(404);
      const after = await Promise.all(['pilots', 'kpis', 'weekly_updates', 'blockers'].map((table) => countRows(t.dataSource, table)));
      expect(after).toEqual(before.map((n) => n - 1));
      expect(await t.dataSource.query('SELECT 1 FROM stage_changes WHERE pilot_id = $1', [pilot.id])).toEqual([]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one, deleting nothing', async () => {
      const before = await tableCounts();
      await t.http.delete(`/api/pilots/${UNKNOWN_ID}`).expect(404);
      expect(fieldsOf(await t.http.delete('/api/pilots/oops').expect(400))).toEqual(['id']);
      expect(await tableCounts()).toEqual(before);
    });
  });
});
