import { createBasicPortfolio, createKpi, createPilot, fieldsOf, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('KPI bounds and the stale-edit 409', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const freshPilot = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
  const count = { name: 'Cases handled', unit: 'cases', baseline: 10, target: 40, direction: 'higher_is_better', minValue: 0, maxValue: 100 };

  describe('KPI bounds', () => {
    it('stores and returns the bounds, null when left out', async () => {
      const pilot = await freshPilot();
      const bounded = await t.http.post(`/api/pilots/${pilot.id}/kpis`).send(count).expect(201);
      expect(bounded.body).toMatchObject({ minValue: 0, maxValue: 100 });
      const stored = await t.dataSource.query('SELECT min_value::float8 AS min, max_value::float8 AS max FROM kpis WHERE id = $1', [bounded.body.id]);
      expect(stored).toEqual([{ min: 0, max: 100 }]);
      const open = await createKpi(t, pilot.id);
      expect(open).toMatchObject({ minValue: null, maxValue: null });
    });

    it.each([
      [{ minValue: 50, maxValue: 10, baseline: 20, target: 30 }, 'maxValue'],
      [{ baseline: -1 }, 'baseline'],
      [{ target: 101 }, 'target'],
      [{ minValue: 'zero' }, 'minValue'],
    ])('refuses %j on create with 400 naming %s and creates nothing', async (patch, field) => {
      const pilot = await freshPilot();
      const before = await countRows(t.dataSource, 'kpis');
      const res = await t.http.post(`/api/pilots/${pilot.id}/kpis`).send({ ...count, ...patch }).expect(400);
      expect(fieldsOf(res)).toEqual([field]);
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    });

    it('checks the stored baseline and target against bounds set by a later edit', async () => {
      const kpi = await createKpi(t, (await freshPilot()).id, { baseline: 12, target: 8 });
      const res = await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, minValue: 10 }).expect(400);
      expect(fieldsOf(res)).toEqual(['target']);
      expect((await t.http.get(`/api/kpis/${kpi.id}`).expect(200)).body).toMatchObject({ minValue: null, version: kpi.version });
      const ok = await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, minValue: 0, maxValue: 60 }).expect(200);
      expect(ok.body).toMatchObject({ minValue: 0, maxValue: 60, version: kpi.version + 1 });
    });

    it('refuses a weekly-update reading outside the bounds with 400 naming kpiReadings.N.value and stores nothing', async () => {
      const pilot = await freshPilot();
      const open = await createKpi(t, pilot.id);
      const bounded = (await t.http.post(`/api/pilots/${pilot.id}/kpis`).send(count).expect(201)).body;
      const before = await countRows(t.dataSource, 'weekly_updates');
      for (const value of [-1, 100.5]) {
        const res = await t.http
          .post(`/api/pilots/${pilot.id}/updates`)
          .send(updateBody(base.lead.id, { kpiReadings: [{ kpiId: open.id, value: -500 }, { kpiId: bounded.id, value }] }))
          .expect(400);
        expect(fieldsOf(res)).toEqual(['kpiReadings.1.value']);
      }
      expect(await countRows(t.dataSource, 'weekly_updates')).toBe(before);
      const posted = await postUpdate(t, pilot.id, updateBody(base.lead.id, { kpiReadings: [{ kpiId: bounded.id, value: 100 }] }));
      const edit = await t.http.patch(`/api/updates/${posted.id}`).send({ version: posted.version, kpiReadings: [{ kpiId: bounded.id, value: -3 }] }).expect(400);
      expect(fieldsOf(edit)).toEqual(['kpiReadings.0.value']);
    });
  });

  describe('stale edits', () => {
    it('a 409 for a stale version names who changed the record last and when', async () => {
      const lead = await t.as('pilot_lead');
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: lead.person.id, stage: 'piloting' });
      const before = Date.now();
      const edited = await lead.patch(`/api/pilots/${pilot.id}`).send({ version: pilot.version, summary: 'Lead rewrote this' }).expect(200);
      const res = await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: pilot.version, summary: 'Stale overwrite' }).expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        message: expect.stringContaining(`last by ${lead.person.name} at `),
        staleEdit: { currentVersion: edited.body.version, changedBy: { id: lead.person.id, name: lead.person.name }, changedAt: expect.any(String) },
      });
      const changedAt = Date.parse(res.body.staleEdit.changedAt);
      expect(changedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(changedAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.summary).toBe('Lead rewrote this');
    });

    it('says so for KPIs and business units too', async () => {
      const kpi = await createKpi(t, (await freshPilot()).id);
      await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, unit: 'min' }).expect(200);
      const kpiRes = await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, unit: 'hours' }).expect(409);
      expect(kpiRes.body.staleEdit).toMatchObject({ currentVersion: kpi.version + 1, changedBy: { name: expect.stringMatching(/^Test program_office/) } });
      const unit = (await t.http.post('/api/business-units').send({ name: `Stale unit ${Date.now()}` }).expect(201)).body;
      await t.http.patch(`/api/business-units/${unit.id}`).send({ version: unit.version, name: `Renamed ${Date.now()}` }).expect(200);
      const unitRes = await t.http.patch(`/api/business-units/${unit.id}`).send({ version: unit.version, name: 'Again' }).expect(409);
      expect(unitRes.body.staleEdit).toMatchObject({ currentVersion: unit.version + 1, changedAt: expect.any(String) });
    });
  });
});
