import type { Blocker, BusinessUnit, Kpi, Pilot, WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, postUpdate, updateBody, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const WRITTEN_TABLES = ['weekly_updates', 'kpi_readings', 'blockers', 'update_blockers'];
const weeks = (res: { body: { items: WeeklyUpdate[] } }) => res.body.items.map((u) => `${u.pilotName}:${u.week}`);

describe('weekly updates API: lists, reading and editing', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const counts = () => Promise.all(WRITTEN_TABLES.map((table) => countRows(t.dataSource, table)));
  const pilotIn = (unitId: string, name: string) => createPilot(t, { name, businessUnitId: unitId, leadId: base.lead.id, stage: 'piloting' });
  const get = async (id: string) => (await t.http.get(`/api/updates/${id}`).expect(200)).body as WeeklyUpdate;
  const blocker = async (pilotId: string, id: string) => ((await t.http.get(`/api/pilots/${pilotId}/blockers`).expect(200)).body as Blocker[]).find((b) => b.id === id);

  describe('GET /api/pilots/:pilotId/updates, /api/updates and /api/updates/:id', () => {
    let unit: BusinessUnit;
    let a: Pilot;
    let b: Pilot;
    beforeAll(async () => {
      unit = (await t.http.post('/api/business-units').send({ name: 'Update list unit' }).expect(201)).body;
      [a, b] = [await pilotIn(unit.id, 'A'), await pilotIn(unit.id, 'B')];
      for (const [pilot, week] of [[a, '2026-W33'], [b, '2026-W31'], [a, '2026-W30'], [b, '2026-W32'], [a, '2026-W34']] as const) {
        await postUpdate(t, pilot.id, updateBody(base.lead.id, { week }));
      }
      await postUpdate(t, base.pilot.id, updateBody(base.lead.id, { week: '2026-W32' }));
    });

    it("lists a pilot's updates newest first, whatever order they were posted in, and paginates", async () => {
      const all = await t.http.get(`/api/pilots/${a.id}/updates`).expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 25 });
      expect(weeks(all)).toEqual(['A:2026-W34', 'A:2026-W33', 'A:2026-W30']);
      const page2 = await t.http.get(`/api/pilots/${a.id}/updates?pageSize=2&page=2`).expect(200);
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(weeks(page2)).toEqual(['A:2026-W30']);
      expect(all.body.items[0]).toEqual(await get(all.body.items[0].id));
      expect((await t.http.get(`/api/pilots/${(await pilotIn(unit.id, 'Silent')).id}/updates`).expect(200)).body).toMatchObject({ total: 0, items: [] });
    });

    it('lists the portfolio newest first and filters by unit and week range', async () => {
      const inUnit = await t.http.get(`/api/updates?businessUnitId=${unit.id}`).expect(200);
      expect(inUnit.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      expect(weeks(inUnit)).toEqual(['A:2026-W34', 'A:2026-W33', 'B:2026-W32', 'B:2026-W31', 'A:2026-W30']);
      expect(weeks(await t.http.get(`/api/updates?businessUnitId=${unit.id}&fromWeek=2026-W31&toWeek=2026-W33`).expect(200))).toEqual(['A:2026-W33', 'B:2026-W32', 'B:2026-W31']);
      expect(weeks(await t.http.get(`/api/updates?businessUnitId=${unit.id}&fromWeek=2026-W33`).expect(200))).toEqual(['A:2026-W34', 'A:2026-W33']);
      expect(weeks(await t.http.get(`/api/updates?businessUnitId=${unit.id}&toWeek=2026-W30`).expect(200))).toEqual(['A:2026-W30']);
      const week32 = await t.http.get('/api/updates?fromWeek=2026-W32&toWeek=2026-W32').expect(200);
      expect(weeks(week32).sort()).toEqual(['B:2026-W32', `${base.pilot.name}:2026-W32`]);
      const paged = await t.http.get(`/api/updates?businessUnitId=${unit.id}&pageSize=2&page=3`).expect(200);
      expect(paged.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
      expect(weeks(paged)).toEqual(['A:2026-W30']);
      const everything = await t.http.get('/api/updates?pageSize=200').expect(200);
      expect(everything.body.total).toBe(await countRows(t.dataSource, 'weekly_updates'));
      const order = everything.body.items.map((u: WeeklyUpdate) => u.week);
      expect(order).toEqual([...order].sort().reverse());
    });

    it.each([
      ['/api/updates?businessUnitId=unit', 'businessUnitId'],
      ['/api/updates?fromWeek=2026-W54', 'fromWeek'],
      ['/api/updates?toWeek=W12', 'toWeek'],
      ['/api/updates?pageSize=500', 'pageSize'],
      ['/api/updates?pilotId=x', 'pilotId'],
      [`/api/pilots/${UNKNOWN_ID}/updates?page=0`, 'page'],
      [`/api/pilots/${UNKNOWN_ID}/updates?pageSize=201`, 'pageSize'],
      ['/api/pilots/nope/updates', 'pilotId'],
      ['/api/updates/nope', 'id'],
    ])('rejects %s with 400 naming %s', async (url, field) => {
      expect(fieldsOf(await t.http.get(url).expect(400))).toContain(field);
    });

    it('answers 404 for an unknown pilot or update', async () => {
      await t.http.get(`/api/pilots/${UNKNOWN_ID}/updates`).expect(404);
      const res = await t.http.get(`/api/updates/${UNKNOWN_ID}`).expect(404);
      expect(res.body.message).toContain(UNKNOWN_ID);
    });
  });

  describe('PATCH /api/updates/:id', () => {
    let pilot: Pilot;
    let kpiA: Kpi;
    let kpiB: Kpi;
    beforeAll(async () => {
      pilot = await pilotIn(base.unit.id, 'Edited pilot');
      [kpiA, kpiB] = [await createKpi(t, pilot.id, { name: 'A speed' }), await createKpi(t, pilot.id, { name: 'B quality' })];
    });

    it('edits fields and replaces the KPI readings, bumping the version', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W40', kpiReadings: [{ kpiId: kpiA.id, value: 10 }] }));
      const readings = await countRows(t.dataSource, 'kpi_readings');
      const res = await t.http.patch(`/api/updates/${update.id}`).send({ health: 'off_track', summary: 'Corrected', confidence: 1, activeUsers: 3, activeUsersOutsideTeam: 0, scaleQuestionAsked: true, resourcesRedirected: true, kpiReadings: [{ kpiId: kpiB.id, value: 0.5 }], version: update.version }).expect(200);
      const { analysis, ...view } = res.body;
      expect(analysis).toEqual({ newFlags: expect.any(Array), openFlags: expect.any(Array) });
      expect(view).toEqual({ ...update, analysis: undefined, health: 'off_track', summary: 'Corrected', confidence: 1, activeUsers: 3, activeUsersOutsideTeam: 0, scaleQuestionAsked: true, resourcesRedirected: true, kpiReadings: [{ kpiId: kpiB.id, kpiName: 'B quality', value: 0.5 }], version: update.version + 1 });
      expect(await get(update.id)).toEqual(view);
      expect(await countRows(t.dataSource, 'kpi_readings')).toBe(readings);
      const cleared = await t.http.patch(`/api/updates/${update.id}`).send({ kpiReadings: [], version: view.version }).expect(200);
      expect(cleared.body).toMatchObject({ kpiReadings: [], summary: 'Corrected' });
      expect(await countRows(t.dataSource, 'kpi_readings')).toBe(readings - 1);
    });

    it('counts an edit of readings or blockers alone as a new version, so a stale edit after it is refused', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W41' }));
      const edited = (await t.http.patch(`/api/updates/${update.id}`).send({ kpiReadings: [{ kpiId: kpiA.id, value: 7 }], version: update.version }).expect(200)).body;
      expect(edited.version).toBe(update.version + 1);
      const stale = await t.http.patch(`/api/updates/${update.id}`).send({ kpiReadings: [], version: update.version }).expect(409);
      expect(stale.body.message).toMatch(/changed by someone else/);
      const again = (await t.http.patch(`/api/updates/${update.id}`).send({ blockers: [{ text: 'Vendor contract unsigned' }], version: edited.version }).expect(200)).body;
      expect(again.version).toBe(edited.version + 1);
      await t.http.patch(`/api/updates/${update.id}`).send({ blockers: [], version: edited.version }).expect(409);
      expect(await get(update.id)).toMatchObject({ kpiReadings: [{ kpiId: kpiA.id, value: 7 }], blockers: [{ text: 'Vendor contract unsigned' }], version: again.version });
    });

    it("replaces an update's blockers and recomputes first and last seen from the remaining mentions", async () => {
      const p = await pilotIn(base.unit.id, 'Blocker edits');
      const w30 = await postUpdate(t, p.id, updateBody(base.lead.id, { week: '2026-W30', blockers: [{ text: 'Data access not granted', category: 'data' }] }));
      const id = w30.blockers[0].id;
      await postUpdate(t, p.id, updateBody(base.lead.id, { week: '2026-W31', blockers: [{ blockerId: id }] }));
      const w32 = await postUpdate(t, p.id, updateBody(base.lead.id, { week: '2026-W32', blockers: [{ blockerId: id }] }));
      expect(await blocker(p.id, id)).toMatchObject({ firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W32', mentionCount: 3 });
      const edited = (await t.http.patch(`/api/updates/${w32.id}`).send({ blockers: [{ text: 'Budget frozen until Q1', category: 'budget' }], version: w32.version }).expect(200)).body as WeeklyUpdate;
      expect(edited.blockers).toEqual([{ id: expect.any(String), text: 'Budget frozen until Q1', category: 'budget', status: 'open' }]);
      expect(await blocker(p.id, id)).toMatchObject({ firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W31', mentionCount: 2 });
      expect(await blocker(p.id, edited.blockers[0].id)).toMatchObject({ firstSeenWeek: '2026-W32', lastSeenWeek: '2026-W32', mentionCount: 1 });
      await t.http.patch(`/api/updates/${w30.id}`).send({ blockers: [], version: w30.version }).expect(200);
      expect(await blocker(p.id, id)).toMatchObject({ firstSeenWeek: '2026-W31', lastSeenWeek: '2026-W31', mentionCount: 1 });
      await t.http.patch(`/api/updates/${w32.id}`).send({ blockers: [{ blockerId: id }], version: edited.version }).expect(200);
      expect(await blocker(p.id, id)).toMatchObject({ firstSeenWeek: '2026-W31', lastSeenWeek: '2026-W32', mentionCount: 2 });
    });

    it.each([
      [{ confidence: 2 }, 'version'],
      [{ confidence: 2, version: 0 }, 'version'],
      [{ confidence: 0, version: 1 }, 'confidence'],
      [{ confidence: 6, version: 1 }, 'confidence'],
      [{ confidence: null, version: 1 }, 'confidence'],
      [{ summary: null, version: 1 }, 'summary'],
      [{ health: 'great', version: 1 }, 'health'],
      [{ activeUsers: -1, version: 1 }, 'activeUsers'],
      [{ activeUsersOutsideTeam: 21, version: 1 }, 'activeUsersOutsideTeam'],
      [{ activeUsers: 4, version: 1 }, 'activeUsersOutsideTeam'],
      [{ week: '2026-W20', version: 1 }, 'week'],
      [{ authorId: UNKNOWN_ID, version: 1 }, 'authorId'],
      [{ kpiReadings: [{ kpiId: 'FOREIGN_KPI', value: 1 }], version: 1 }, 'kpiReadings.0.kpiId'],
      [{ blockers: [{ blockerId: 'FOREIGN_BLOCKER' }], version: 1 }, 'blockers.0.blockerId'],
      [{ blockers: [{ text: 'Would be new' }, {}], version: 1 }, 'blockers.1'],
    ])('rejects %j with 400 naming %s and changes nothing', async (patch, field) => {
      const [own, other] = [await pilotIn(base.unit.id, 'Own'), await pilotIn(base.unit.id, 'Other')];
      const [ownKpi, foreignKpi] = [await createKpi(t, own.id), await createKpi(t, other.id)];
      const foreign = await postUpdate(t, other.id, updateBody(base.lead.id, { week: '2026-W20', blockers: [{ text: 'Somebody else’s problem' }] }));
      const update = await postUpdate(t, own.id, updateBody(base.lead.id, { week: '2026-W42', activeUsers: 20, activeUsersOutsideTeam: 5, kpiReadings: [{ kpiId: ownKpi.id, value: 1 }], blockers: [{ text: 'Model hosting undecided' }] }));
      const before = [await get(update.id), await counts()];
      const body = JSON.parse(JSON.stringify(patch).replace('FOREIGN_KPI', foreignKpi.id).replace('FOREIGN_BLOCKER', foreign.blockers[0].id));
      const res = await t.http.patch(`/api/updates/${update.id}`).send(body).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect([await get(update.id), await counts()]).toEqual(before);
    });

    it('refuses a stale version with 409 and keeps the newer edit', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W43', confidence: 4 }));
      await t.http.patch(`/api/updates/${update.id}`).send({ confidence: 2, version: update.version }).expect(200);
      const before = [await get(update.id), await counts()];
      const res = await t.http.patch(`/api/updates/${update.id}`).send({ confidence: 5, kpiReadings: [{ kpiId: kpiA.id, value: 3 }], version: update.version }).expect(409);
      expect(res.body.message).toMatch(/changed by someone else/);
      expect([await get(update.id), await counts()]).toEqual(before);
      expect(before[0]).toMatchObject({ confidence: 2 });
    });

    it('answers 404 for an unknown update and 400 for a malformed id', async () => {
      await t.http.patch(`/api/updates/${UNKNOWN_ID}`).send({ confidence: 3, version: 1 }).expect(404);
      expect(fieldsOf(await t.http.patch('/api/updates/u-1').send({ confidence: 3, version: 1 }).expect(400))).toEqual(['id']);
    });
  });
});
