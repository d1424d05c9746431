import type { BusinessUnit, Person, Pilot, StageChange } from '@liftoff/shared';
import { createBasicPortfolio, createPerson, createPilot, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const names = (res: { body: { items: Pilot[] } }) => res.body.items.map((p) => p.name);

describe('pilots API: list and stage changes', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  describe('GET /api/pilots', () => {
    let unit: BusinessUnit;
    let leadA: Person;
    let leadB: Person;
    let sponsor: Person;
    beforeAll(async () => {
      unit = (await t.http.post('/api/business-units').send({ name: 'List unit' }).expect(201)).body;
      [leadA, leadB, sponsor] = [await createPerson(t, 'pilot_lead', unit.id), await createPerson(t, 'pilot_lead', unit.id), await createPerson(t, 'executive', unit.id)];
      const rows: [string, string, Person, Person | null, string][] = [
        ['Claims triage', 'piloting', leadA, sponsor, '2026-03-02'],
        ['Contract search', 'proposed', leadA, null, '2026-01-05'],
        ['Fraud 100% check', 'piloting', leadB, sponsor, '2026-06-01'],
        ['Email drafting', 'scaling', leadB, null, '2026-02-02'],
        ['Call summaries', 'piloting', leadB, null, '2026-04-06'],
      ];
      for (const [name, stage, lead, spons, startDate] of rows) {
        await createPilot(t, { name, stage, businessUnitId: unit.id, leadId: lead.id, sponsorId: spons?.id ?? null, startDate });
      }
    });
    const list = (query: string) => t.http.get(`/api/pilots?businessUnitId=${unit.id}&${query}`).expect(200);

    it('lists a unit sorted by name ascending by default, with page metadata', async () => {
      const res = await list('');
      expect(res.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
      expect(names(res)).toEqual(['Call summaries', 'Claims triage', 'Contract search', 'Email drafting', 'Fraud 100% check']);
      expect(res.body.items.every((p: Pilot) => p.businessUnitId === unit.id && p.businessUnitName === 'List unit')).toBe(true);
      const everything = (await t.http.get('/api/pilots?pageSize=200').expect(200)).body;
      expect(everything.total).toBe(await countRows(t.dataSource, 'pilots'));
      expect(everything.items.map((p: Pilot) => p.id)).toContain(base.pilot.id);
    });

    it('filters by stage, lead, sponsor and a case-insensitive, literal name search', async () => {
      expect(names(await list('stage=piloting'))).toEqual(['Call summaries', 'Claims triage', 'Fraud 100% check']);
      expect(names(await list(`leadId=${leadA.id}`))).toEqual(['Claims triage', 'Contract search']);
      expect(names(await list(`sponsorId=${sponsor.id}`))).toEqual(['Claims triage', 'Fraud 100% check']);
      expect(names(await list(`leadId=${leadB.id}&stage=piloting`))).toEqual(['Call summaries', 'Fraud 100% check']);
      expect(names(await list('search=C'))).toEqual(['Call summaries', 'Claims triage', 'Contract search', 'Fraud 100% check']);
      expect(names(await list('search=CONTRACT'))).toEqual(['Contract search']);
      expect(names(await list(`search=${encodeURIComponent('100%')}`))).toEqual(['Fraud 100% check']);
      expect(names(await list(`search=${encodeURIComponent('%')}`))).toEqual(['Fraud 100% check']);
      expect((await list('search=nothing-like-this')).body).toMatchObject({ total: 0, items: [] });
      expect((await t.http.get(`/api/pilots?leadId=${UNKNOWN_ID}`).expect(200)).body).toMatchObject({ total: 0, items: [] });
    });

    it('paginates without losing or repeating pilots', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => list(`pageSize=2&page=${page}`)));
      expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5]);
      expect(pages.map((p) => p.body.page)).toEqual([1, 2, 3]);
      expect(pages.flatMap(names)).toEqual(['Call summaries', 'Claims triage', 'Contract search', 'Email drafting', 'Fraud 100% check']);
      expect((await list('pageSize=2&page=4')).body).toMatchObject({ total: 5, page: 4, pageSize: 2, items: [] });
      expect((await list('pageSize=200')).body.pageSize).toBe(200);
    });

    it('sorts by name, start date and stage in either order', async () => {
      expect(names(await list('sort=name&order=desc'))).toEqual(['Fraud 100% check', 'Email drafting', 'Contract search', 'Claims triage', 'Call summaries']);
      expect(names(await list('sort=startDate'))).toEqual(['Contract search', 'Email drafting', 'Claims triage', 'Call summaries', 'Fraud 100% check']);
      expect(names(await list('sort=startDate&order=desc'))).toEqual(['Fraud 100% check', 'Call summaries', 'Claims triage', 'Email drafting', 'Contract search']);
      expect((await list('sort=stage')).body.items.map((p: Pilot) => p.stage)).toEqual(['proposed', 'piloting', 'piloting', 'piloting', 'scaling']);
      expect(names(await list('sort=createdAt'))).toEqual(['Claims triage', 'Contract search', 'Fraud 100% check', 'Email drafting', 'Call summaries']);
    });

    it.each([
      ['pageSize=201', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=2.5', 'pageSize'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['stage=flying', 'stage'],
      ['businessUnitId=unit-1', 'businessUnitId'],
      ['leadId=nope', 'leadId'],
      ['sponsorId=123', 'sponsorId'],
      ['sort=colour', 'sort'],
      ['order=sideways', 'order'],
      [`search=${'s'.repeat(201)}`, 'search'],
      ['owner=me', 'owner'],
    ])('rejects the query %s with 400 naming %s', async (query, field) => {
      const res = await t.http.get(`/api/pilots?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toContain(field);
    });
  });

  describe('POST /api/pilots/:id/stage and GET /api/pilots/:id/stage-changes', () => {
    const changes = async (id: string) => (await t.http.get(`/api/pilots/${id}/stage-changes`).expect(200)).body as StageChange[];
    const stored = async (id: string) => (await t.dataSource.query('SELECT stage, stage_entered_at, version FROM pilots WHERE id = $1', [id]))[0];

    it('records creation from null, then every move with who made it and the note', async () => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id });
      expect(await changes(pilot.id)).toEqual([{ id: expect.any(String), pilotId: pilot.id, fromStage: null, toStage: 'proposed', changedAt: pilot.stageEnteredAt, changedBy: { id: expect.any(String), name: expect.any(String) }, note: null }]);
      const moved = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'piloting', version: 1, note: 'Kick-off approved' }).expect(200);
      expect(moved.body).toMatchObject({ id: pilot.id, stage: 'piloting', version: 2 });
      expect(Date.parse(moved.body.stageEnteredAt)).toBeGreaterThan(Date.parse(pilot.stageEnteredAt));
      await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'scaling', version: 2 }).expect(200);
      const scaled = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'production', version: 3 }).expect(200);
      expect(scaled.body).toMatchObject({ stage: 'production', version: 4 });
      const history = await changes(pilot.id);
      expect(history.map((c) => [c.fromStage, c.toStage, c.note])).toEqual([
        [null, 'proposed', null],
        ['proposed', 'piloting', 'Kick-off approved'],
        ['piloting', 'scaling', null],
        ['scaling', 'production', null],
      ]);
      expect(new Set(history.map((c) => c.changedBy?.id)).size).toBe(1);
      expect(history[3].changedAt).toBe(scaled.body.stageEnteredAt);
    });

    it.each([
      ['killed', 'piloting'],
      ['pivoted', 'piloting'],
      ['proposed', 'scaling'],
      ['piloting', 'production'],
      ['piloting', 'piloting'],
    ])('refuses %s -> %s with 409 and records nothing', async (from, to) => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: from });
      const before = [await stored(pilot.id), await countRows(t.dataSource, 'stage_changes')];
      const res = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: to, version: 1 }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, message: `A pilot in stage "${from}" cannot move to "${to}"` });
      expect([await stored(pilot.id), await countRows(t.dataSource, 'stage_changes')]).toEqual(before);
      expect((await changes(pilot.id)).map((c) => c.toStage)).toEqual([from]);
    });

    it('refuses a stale version with 409 and records nothing', async () => {
      const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
      await t.http.patch(`/api/pilots/${pilot.id}`).send({ summary: 'Edited elsewhere', version: 1 }).expect(200);
      const before = [await stored(pilot.id), await countRows(t.dataSource, 'stage_changes')];
      const res = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ stage: 'scaling', version: 1 }).expect(409);
      expect(res.body.message).toMatch(/changed by someone else/);
      expect([await stored(pilot.id), await countRows(t.dataSource, 'stage_changes')]).toEqual(before);
    });

    it.each([
      [{ version: 1 }, 'stage'],
      [{ stage: 'flying', version: 1 }, 'stage'],
      [{ stage: 'scaling' }, 'version'],
      [{ stage: 'scaling', version: 0 }, 'version'],
      [{ stage: 'scaling', version: '1' }, 'version'],
      [{ stage: 'scaling', version: 1, note: '' }, 'note'],
      [{ stage: 'scaling', version: 1, note: 5 }, 'note'],
      [{ stage: 'scaling', version: 1, reason: 'x' }, 'reason'],
    ])('rejects %j with 400 naming %s and records nothing', async (body, field) => {
      const before = [await stored(base.pilot.id), await countRows(t.dataSource, 'stage_changes')];
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/stage`).send(body).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect([await stored(base.pilot.id), await countRows(t.dataSource, 'stage_changes')]).toEqual(before);
    });

    it('answers 404 for unknown pilots and 400 for malformed ids', async () => {
      const before = await countRows(t.dataSource, 'stage_changes');
      await t.http.post(`/api/pilots/${UNKNOWN_ID}/stage`).send({ stage: 'piloting', version: 1 }).expect(404);
      expect(fieldsOf(await t.http.post('/api/pilots/bad/stage').send({ stage: 'piloting', version: 1 }).expect(400))).toEqual(['id']);
      await t.http.get(`/api/pilots/${UNKNOWN_ID}/stage-changes`).expect(404);
      expect(fieldsOf(await t.http.get('/api/pilots/bad/stage-changes').expect(400))).toEqual(['id']);
      expect(await countRows(t.dataSource, 'stage_changes')).toBe(before);
    });
  });
});
