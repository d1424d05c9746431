import { addIsoWeeks, isoWeekOf, latestBegunWeek, type Blocker, type Kpi, type Pilot, type WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, postUpdate, updateBody, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const WRITTEN_TABLES = ['weekly_updates', 'kpi_readings', 'blockers', 'update_blockers'];

describe('weekly updates API: posting and the blocker register', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  let kpi: Kpi;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
    kpi = await createKpi(t, base.pilot.id, { name: 'Handling time' });
  });
  afterAll(() => t.close());

  const counts = () => Promise.all(WRITTEN_TABLES.map((table) => countRows(t.dataSource, table)));
  const freshPilot = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
  const register = async (pilotId: string) => (await t.http.get(`/api/pilots/${pilotId}/blockers`).expect(200)).body as Blocker[];

  describe('POST /api/pilots/:pilotId/updates', () => {
    it('posts an update with readings and blockers, and reads it back', async () => {
      const second = await createKpi(t, base.pilot.id, { name: 'Adoption rate' });
      const body = updateBody(base.lead.id, {
        week: '2026-W30', health: 'at_risk', summary: 'Rolled out to two more teams.', confidence: 3, activeUsers: 40, activeUsersOutsideTeam: 40, scaleQuestionAsked: true, resourcesRedirected: true,
        kpiReadings: [{ kpiId: kpi.id, value: 9.25 }, { kpiId: second.id, value: 0 }],
        blockers: [{ text: 'Licences not yet bought', category: 'budget' }, { text: '  No named owner in finance  ' }],
      });
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(body).expect(201);
      const update = res.body as WeeklyUpdate;
      expect(update).toEqual({
        id: expect.any(String), pilotId: base.pilot.id, pilotName: base.pilot.name, week: '2026-W30', author: { id: base.lead.id, name: base.lead.name },
        health: 'at_risk', summary: 'Rolled out to two more teams.', confidence: 3, activeUsers: 40, activeUsersOutsideTeam: 40, scaleQuestionAsked: true, resourcesRedirected: true, pivotSuggested: false,
        kpiReadings: [{ kpiId: second.id, kpiName: 'Adoption rate', value: 0 }, { kpiId: kpi.id, kpiName: 'Handling time', value: 9.25 }],
        blockers: [
          { id: expect.any(String), text: 'Licences not yet bought', category: 'budget', status: 'open' },
          { id: expect.any(String), text: 'No named owner in finance', category: 'other', status: 'open' },
        ],
        version: expect.any(Number), createdAt: expect.any(String), analysis: { newFlags: expect.any(Array), openFlags: expect.any(Array) },
      });
      const { analysis: _analysis, ...view } = update;
      expect((await t.http.get(`/api/updates/${update.id}`).expect(200)).body).toEqual(view);
      expect((await t.http.get(`/api/pilots/${base.pilot.id}`).expect(200)).body).toMatchObject({ lastUpdateWeek: '2026-W30', lastHealth: 'at_risk' });
    });

    it('takes the signed-in program office as author when none is named, and accepts the current week', async () => {
      const office = await t.as('program_office');
      const pilot = await freshPilot();
      const { authorId: _none, ...body } = updateBody(base.lead.id, { week: isoWeekOf(new Date()) });
      const res = await office.post(`/api/pilots/${pilot.id}/updates`).send(body).expect(201);
      expect(res.body).toMatchObject({ week: isoWeekOf(new Date()), author: { id: office.person.id, name: office.person.name } });
    });

    it('refuses a second update for the same pilot and week with 409 naming the week, writing nothing', async () => {
      const pilot = await freshPilot();
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W35' }));
      const before = await counts();
      const res = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W35', blockers: [{ text: 'Brand new problem' }] })).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('2026-W35') });
      expect(await counts()).toEqual(before);
      await postUpdate(t, (await freshPilot()).id, updateBody(base.lead.id, { week: '2026-W35' }));
    });

    it('takes the week a lead in the earliest zone already lives in, and none after it', async () => {
      // On a Sunday afternoon in UTC, Auckland's Monday has begun: its lead posts for the new week.
      const begun = latestBegunWeek(new Date());
      const pilot = await freshPilot();
      expect((await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: begun }))).week).toBe(begun);
      const after = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: addIsoWeeks(begun, 1) })).expect(400);
      expect(fieldsOf(after)).toEqual(['week']);
    });

    it.each([
      [{ confidence: 0 }, 'confidence'],
      [{ confidence: 6 }, 'confidence'],
      [{ confidence: 3.5 }, 'confidence'],
      [{ confidence: '4' }, 'confidence'],
      [{ activeUsers: -1 }, 'activeUsers'],
      [{ activeUsers: 2.5 }, 'activeUsers'],
      [{ activeUsers: 10_000_001 }, 'activeUsers'],
      [{ activeUsersOutsideTeam: -1 }, 'activeUsersOutsideTeam'],
      [{ activeUsers: 5, activeUsersOutsideTeam: 6 }, 'activeUsersOutsideTeam'],
      [{ week: '2026-W54' }, 'week'],
      [{ week: '2026-W00' }, 'week'],
      [{ week: '2026-48' }, 'week'],
      [{ week: undefined }, 'week'],
      [{ week: addIsoWeeks(latestBegunWeek(new Date()), 1) }, 'week'],
      [{ health: 'fine' }, 'health'],
      [{ summary: '' }, 'summary'],
      [{ summary: 'TEXT_OF_4001_CHARACTERS' }, 'summary'],
      [{ scaleQuestionAsked: 'yes' }, 'scaleQuestionAsked'],
      [{ resourcesRedirected: undefined }, 'resourcesRedirected'],
      [{ authorId: 'me' }, 'authorId'],
      [{ authorId: UNKNOWN_ID }, 'authorId'],
      [{ mood: 'great' }, 'mood'],
      [{ kpiReadings: 'none' }, 'kpiReadings'],
      [{ kpiReadings: [{ value: 1 }] }, 'kpiReadings.0.kpiId'],
      [{ kpiReadings: [{ kpiId: 'k1', value: 1 }] }, 'kpiReadings.0.kpiId'],
      [{ kpiReadings: [{ kpiId: UNKNOWN_ID, value: 1 }] }, 'kpiReadings.0.kpiId'],
      [{ kpiReadings: [{ kpiId: 'OWN_KPI', value: 'high' }] }, 'kpiReadings.0.value'],
      [{ kpiReadings: [{ kpiId: 'OWN_KPI', value: 1e15 }] }, 'kpiReadings.0.value'],
      [{ kpiReadings: [{ kpiId: 'OWN_KPI', value: 1, unit: 'min' }] }, 'kpiReadings.0.unit'],
      [{ kpiReadings: [{ kpiId: 'OWN_KPI', value: 1 }, { kpiId: 'OWN_KPI', value: 2 }] }, 'kpiReadings.1.kpiId'],
      [{ blockers: 'IT' }, 'blockers'],
      [{ blockers: [{}] }, 'blockers.0'],
      [{ blockers: [{ category: 'data' }] }, 'blockers.0'],
      [{ blockers: [{ blockerId: UNKNOWN_ID, text: 'this week in other words' }] }, 'blockers.0.blockerId'],
      [{ blockers: [{ blockerId: UNKNOWN_ID, isNew: true, text: 'both' }] }, 'blockers.0.isNew'],
      [{ blockers: [{ isNew: true }] }, 'blockers.0.text'],
      [{ blockers: [{ isNew: true, text: '' }] }, 'blockers.0.text'],
      [{ blockers: [{ isNew: 'yes', text: 'x' }] }, 'blockers.0.isNew'],
      [{ blockers: [{ text: '' }] }, 'blockers.0.text'],
      [{ blockers: [{ text: 'x', category: 'weather' }] }, 'blockers.0.category'],
      [{ blockers: [{ text: 'x', severity: 'high' }] }, 'blockers.0.severity'],
      [{ blockers: [{ blockerId: 'b-1' }] }, 'blockers.0.blockerId'],
      [{ blockers: [{ blockerId: UNKNOWN_ID }] }, 'blockers.0.blockerId'],
      [{ blockers: [{ text: 'A new blocker that must not be saved' }, {}] }, 'blockers.1'],
    ])('rejects %j with 400 naming %s and writes nothing', async (patch, field) => {
      const before = await counts();
      const body = JSON.parse(JSON.stringify({ ...updateBody(base.lead.id, { week: '2026-W31' }), ...patch }).replaceAll('OWN_KPI', kpi.id).replace('TEXT_OF_4001_CHARACTERS', 's'.repeat(4001)));
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fieldsOf(res)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown pilot and 400 naming pilotId for a malformed one, writing nothing', async () => {
      const before = await counts();
      await t.http.post(`/api/pilots/${UNKNOWN_ID}/updates`).send(updateBody(base.lead.id)).expect(404);
      expect(fieldsOf(await t.http.post('/api/pilots/p1/updates').send(updateBody(base.lead.id)).expect(400))).toEqual(['pilotId']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('blockers reported in updates', () => {
    let pilot: Pilot;
    let securityId: string;
    beforeAll(async () => (pilot = await freshPilot()));

    it('creates a register entry for a new blocker text, first and last seen in that week', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W36', blockers: [{ text: 'waiting on IT security review', category: 'security_compliance' }] }));
      const entries = await register(pilot.id);
      expect(entries).toEqual([{ id: update.blockers[0].id, pilotId: pilot.id, text: 'waiting on IT security review', category: 'security_compliance', status: 'open', firstSeenWeek: '2026-W36', lastSeenWeek: '2026-W36', mentionCount: 1, resolvedAt: null, resolutionNote: null, version: expect.any(Number) }]);
      securityId = entries[0].id;
    });

    it('carries it forward by id: last seen stretches and the mention count becomes 2', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W37', blockers: [{ blockerId: securityId }] }));
      expect(update.blockers).toEqual([{ id: securityId, text: 'waiting on IT security review', category: 'security_compliance', status: 'open' }]);
      expect(await register(pilot.id)).toEqual([expect.objectContaining({ id: securityId, firstSeenWeek: '2026-W36', lastSeenWeek: '2026-W37', mentionCount: 2 })]);
    });

    it('links a rewording to the same open blocker, while an unrelated text creates a new one', async () => {
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W38', blockers: [{ text: 'security review by IT still pending' }, { text: 'Users unsure when to trust the answers', category: 'adoption' }] }));
      expect(update.blockers.map((b) => b.id)).toContain(securityId);
      const entries = await register(pilot.id);
      expect(entries).toHaveLength(2);
      expect(entries.find((b) => b.id === securityId)).toMatchObject({ text: 'waiting on IT security review', firstSeenWeek: '2026-W36', lastSeenWeek: '2026-W38', mentionCount: 3 });
      expect(entries.find((b) => b.id !== securityId)).toMatchObject({ text: 'Users unsure when to trust the answers', category: 'adoption', firstSeenWeek: '2026-W38', lastSeenWeek: '2026-W38', mentionCount: 1 });
    });

    it('stretches first seen backwards when an earlier week is filled in later', async () => {
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W34', blockers: [{ blockerId: securityId }] }));
      expect((await register(pilot.id)).find((b) => b.id === securityId)).toMatchObject({ firstSeenWeek: '2026-W34', lastSeenWeek: '2026-W38', mentionCount: 4 });
    });

    it("does not match another pilot's blockers: the same words there make a new entry", async () => {
      const other = await freshPilot();
      const update = await postUpdate(t, other.id, updateBody(base.lead.id, { week: '2026-W38', blockers: [{ text: 'waiting on IT security review' }] }));
      expect(update.blockers[0].id).not.toBe(securityId);
      expect((await register(other.id)).map((b) => b.id)).toEqual([update.blockers[0].id]);
    });

    it("refuses another pilot's blocker id (400 naming blockers.0.blockerId) and another pilot's KPI (kpiReadings.0.kpiId)", async () => {
      const other = await freshPilot();
      const otherKpi = await createKpi(t, other.id);
      const before = await counts();
      const res1 = await t.http.post(`/api/pilots/${other.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W39', blockers: [{ blockerId: securityId }] })).expect(400);
      expect(res1.body.fieldErrors).toEqual([{ field: 'blockers.0.blockerId', messages: [expect.stringContaining('not a blocker of this pilot')] }]);
      const res2 = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W39', kpiReadings: [{ kpiId: otherKpi.id, value: 2 }] })).expect(400);
      expect(res2.body.fieldErrors).toEqual([{ field: 'kpiReadings.0.kpiId', messages: [expect.stringContaining('not a KPI of this pilot')] }]);
      expect(await counts()).toEqual(before);
      expect((await register(pilot.id)).find((b) => b.id === securityId)).toMatchObject({ lastSeenWeek: '2026-W38', mentionCount: 4 });
    });
  });
});
