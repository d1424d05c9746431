import type { Kpi } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, postUpdate, updateBody, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('KPIs API', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const freshPilot = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
  const stored = async (id: string) => (await t.dataSource.query('SELECT name, unit, baseline::float8, target::float8, direction, version FROM kpis WHERE id = $1', [id]))[0];
  const valid = { name: 'Handling time', unit: 'minutes', baseline: 12.5, target: 8, direction: 'lower_is_better' };

  describe('POST /api/pilots/:pilotId/kpis', () => {
    it('creates a KPI and reads it back by id', async () => {
      const pilot = await freshPilot();
      const res = await t.http.post(`/api/pilots/${pilot.id}/kpis`).send(valid).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), pilotId: pilot.id, ...valid, minValue: null, maxValue: null, version: 1 });
      expect((await t.http.get(`/api/kpis/${res.body.id}`).expect(200)).body).toEqual(res.body);
      const open = await t.http.post(`/api/pilots/${pilot.id}/kpis`).send({ name: 'Adoption', unit: '%', direction: 'higher_is_better' }).expect(201);
      expect(open.body).toMatchObject({ baseline: null, target: null, direction: 'higher_is_better' });
    });

    it.each([
      [{ name: undefined }, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 7 }, 'name'],
      [{ name: 'n'.repeat(161) }, 'name'],
      [{ unit: undefined }, 'unit'],
      [{ unit: 'u'.repeat(41) }, 'unit'],
      [{ baseline: 'fast' }, 'baseline'],
      [{ target: '8' }, 'target'],
      [{ baseline: 1e15 }, 'baseline'],
      [{ target: -1e15 }, 'target'],
      [{ direction: 'sideways' }, 'direction'],
      [{ direction: undefined }, 'direction'],
      [{ owner: 'me' }, 'owner'],
    ])('rejects %j with 400 naming %s and creates nothing', async (patch, field) => {
      const before = await countRows(t.dataSource, 'kpis');
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/kpis`).send({ ...valid, name: 'Bad KPI', ...patch }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toContain(field);
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    });

    it('refuses a duplicate name on the same pilot with 409 but allows it on another pilot', async () => {
      const pilot = await freshPilot();
      await createKpi(t, pilot.id, { name: 'Cost per case' });
      const before = await countRows(t.dataSource, 'kpis');
      const dup = await t.http.post(`/api/pilots/${pilot.id}/kpis`).send({ ...valid, name: 'Cost per case' }).expect(409);
      expect(dup.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('"Cost per case"') });
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
      const other = await freshPilot();
      await t.http.post(`/api/pilots/${other.id}/kpis`).send({ ...valid, name: 'Cost per case' }).expect(201);
    });

    it('answers 404 for an unknown pilot and 400 naming pilotId for a malformed one', async () => {
      const before = await countRows(t.dataSource, 'kpis');
      await t.http.post(`/api/pilots/${UNKNOWN_ID}/kpis`).send(valid).expect(404);
      expect(fieldsOf(await t.http.post('/api/pilots/p-1/kpis').send(valid).expect(400))).toEqual(['pilotId']);
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    });
  });

  describe('GET /api/pilots/:pilotId/kpis and /api/kpis/:id', () => {
    it("lists only the pilot's KPIs, by name", async () => {
      const pilot = await freshPilot();
      const b = await createKpi(t, pilot.id, { name: 'B metric' });
      const a = await createKpi(t, pilot.id, { name: 'A metric' });
      await createKpi(t, (await freshPilot()).id, { name: 'Elsewhere' });
      const list: Kpi[] = (await t.http.get(`/api/pilots/${pilot.id}/kpis`).expect(200)).body;
      expect(list).toEqual([a, b]);
      expect((await t.http.get(`/api/pilots/${(await freshPilot()).id}/kpis`).expect(200)).body).toEqual([]);
    });

    it('answers 404 for unknown ids and 400 for malformed ones', async () => {
      await t.http.get(`/api/pilots/${UNKNOWN_ID}/kpis`).expect(404);
      expect(fieldsOf(await t.http.get('/api/pilots/nope/kpis').expect(400))).toEqual(['pilotId']);
      const missing = await t.http.get(`/api/kpis/${UNKNOWN_ID}`).expect(404);
      expect(missing.body.message).toContain(UNKNOWN_ID);
      expect(fieldsOf(await t.http.get('/api/kpis/nope').expect(400))).toEqual(['id']);
    });
  });

  describe('PATCH /api/kpis/:id', () => {
    it('edits fields, clears a baseline with null and bumps the version', async () => {
      const kpi = await createKpi(t, base.pilot.id, { name: 'Editable', baseline: 12, target: 8 });
      const res = await t.http.patch(`/api/kpis/${kpi.id}`).send({ name: 'Edited', unit: 'seconds', baseline: null, target: 420, direction: 'higher_is_better', version: 1 }).expect(200);
      expect(res.body).toEqual({ id: kpi.id, pilotId: base.pilot.id, name: 'Edited', unit: 'seconds', baseline: null, target: 420, direction: 'higher_is_better', minValue: null, maxValue: null, version: 2 });
      expect(await stored(kpi.id)).toEqual({ name: 'Edited', unit: 'seconds', baseline: null, target: 420, direction: 'higher_is_better', version: 2 });
      const same = await t.http.patch(`/api/kpis/${kpi.id}`).send({ name: 'Edited', target: 400, version: 2 }).expect(200);
      expect(same.body).toMatchObject({ name: 'Edited', target: 400, version: 3 });
    });

    it.each([
      [{ name: 'No version' }, 'version'],
      [{ name: 'Old', version: 0 }, 'version'],
      [{ name: '', version: 1 }, 'name'],
      [{ name: null, version: 1 }, 'name'],
      [{ unit: null, version: 1 }, 'unit'],
      [{ direction: null, version: 1 }, 'direction'],
      [{ direction: 'up', version: 1 }, 'direction'],
      [{ baseline: '3', version: 1 }, 'baseline'],
      [{ target: 1e15, version: 1 }, 'target'],
      [{ pilotId: UNKNOWN_ID, version: 1 }, 'pilotId'],
    ])('rejects %j with 400 naming %s and changes nothing', async (body, field) => {
      const kpi = await createKpi(t, base.pilot.id);
      const before = await stored(kpi.id);
      const res = await t.http.patch(`/api/kpis/${kpi.id}`).send(body).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await stored(kpi.id)).toEqual(before);
    });

    it("refuses a stale version and a rename onto a sibling's name with 409, changing nothing", async () => {
      const pilot = await freshPilot();
      const sibling = await createKpi(t, pilot.id, { name: 'Taken' });
      const kpi = await createKpi(t, pilot.id, { name: 'Mine' });
      await t.http.patch(`/api/kpis/${kpi.id}`).send({ target: 5, version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/kpis/${kpi.id}`).send({ target: 6, version: 1 }).expect(409);
      expect(stale.body.message).toMatch(/changed by someone else/);
      const dup = await t.http.patch(`/api/kpis/${kpi.id}`).send({ name: sibling.name, version: 2 }).expect(409);
      expect(dup.body.message).toContain('"Taken"');
      expect(await stored(kpi.id)).toMatchObject({ name: 'Mine', target: 5, version: 2 });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      await t.http.patch(`/api/kpis/${UNKNOWN_ID}`).send({ name: 'Ghost', version: 1 }).expect(404);
      expect(fieldsOf(await t.http.patch('/api/kpis/1').send({ name: 'Ghost', version: 1 }).expect(400))).toEqual(['id']);
    });
  });

  describe('DELETE /api/kpis/:id', () => {
    it('deletes a KPI together with its readings', async () => {
      const pilot = await freshPilot();
      const kpi = await createKpi(t, pilot.id);
      const keep = await createKpi(t, pilot.id);
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W40', kpiReadings: [{ kpiId: kpi.id, value: 10 }, { kpiId: keep.id, value: 3 }] }));
      const readings = await countRows(t.dataSource, 'kpi_readings');
      await t.http.delete(`/api/kpis/${kpi.id}`).expect(204);
      await t.http.get(`/api/kpis/${kpi.id}`).expect(404);
      expect(await countRows(t.dataSource, 'kpi_readings')).toBe(readings - 1);
      const [update] = (await t.http.get(`/api/pilots/${pilot.id}/updates`).expect(200)).body.items;
      expect(update.kpiReadings).toEqual([{ kpiId: keep.id, kpiName: keep.name, value: 3 }]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one, deleting nothing', async () => {
      const before = await countRows(t.dataSource, 'kpis');
      await t.http.delete(`/api/kpis/${UNKNOWN_ID}`).expect(404);
      expect(fieldsOf(await t.http.delete('/api/kpis/zz').expect(400))).toEqual(['id']);
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    });
  });
});
