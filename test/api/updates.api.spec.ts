import { addIsoWeeks, isoWeekOf, type Blocker, type WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const CHANGED_TABLES = ['weekly_updates', 'kpi_readings', 'blockers', 'update_blockers'];

describe('weekly updates and the blocker register', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const counts = async () => Promise.all(CHANGED_TABLES.map((table) => countRows(t.dataSource, table)));

  it('posts an update with KPI readings and a new blocker', async () => {
    const kpi = await createKpi(t, base.pilot.id, { name: 'Handling time' });
    const update = await postUpdate(t, base.pilot.id, updateBody(base.lead.id, { week: '2026-W30', kpiReadings: [{ kpiId: kpi.id, value: 9.5 }], blockers: [{ text: 'Waiting on IT security review', category: 'security_compliance' }] }));
    expect(update).toMatchObject({ week: '2026-W30', pilotName: base.pilot.name, author: { id: base.lead.id }, confidence: 4, kpiReadings: [{ kpiId: kpi.id, kpiName: 'Handling time', value: 9.5 }], blockers: [{ text: 'Waiting on IT security review', status: 'open' }] });
    const [blocker] = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers`).expect(200)).body as Blocker[];
    expect(blocker).toMatchObject({ firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W30', mentionCount: 1, category: 'security_compliance' });
  });

  it('refuses a second update for the same week with 409 naming the week', async () => {
    const before = await counts();
    const res = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W30' })).expect(409);
    expect(res.body.message).toMatch(/2026-W30/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ confidence: 6 }, 'confidence'],
    [{ confidence: 0 }, 'confidence'],
    [{ confidence: '4' }, 'confidence'],
    [{ week: '2026-W54' }, 'week'],
    [{ week: addIsoWeeks(isoWeekOf(new Date()), 2) }, 'week'],
    [{ activeUsers: -1 }, 'activeUsers'],
    [{ activeUsers: 5, activeUsersOutsideTeam: 6 }, 'activeUsersOutsideTeam'],
    [{ health: 'fine' }, 'health'],
    [{ summary: '' }, 'summary'],
    [{ scaleQuestionAsked: 'yes' }, 'scaleQuestionAsked'],
    [{ mood: 'great' }, 'mood'],
    [{ blockers: [{}] }, 'blockers.0'],
    [{ blockers: [{ text: 'x', category: 'weather' }] }, 'blockers.0.category'],
    [{ blockers: [{ blockerId: '00000000-0000-4000-8000-000000000000' }] }, 'blockers.0.blockerId'],
    [{ kpiReadings: [{ kpiId: '00000000-0000-4000-8000-000000000000', value: 1 }] }, 'kpiReadings.0.kpiId'],
    [{ kpiReadings: [{ value: 1 }] }, 'kpiReadings.0.kpiId'],
  ])('rejects %j with 400 naming %s and writes nothing', async (patch, field) => {
    const before = await counts();
    const res = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send({ ...updateBody(base.lead.id, { week: '2026-W31' }), ...patch }).expect(400);
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('carries a blocker forward by id, links a rewording, and stretches the register entry', async () => {
    const [blocker] = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=open`).expect(200)).body as Blocker[];
    await postUpdate(t, base.pilot.id, updateBody(base.lead.id, { week: '2026-W31', blockers: [{ blockerId: blocker.id }] }));
    const third = await postUpdate(t, base.pilot.id, updateBody(base.lead.id, { week: '2026-W32', blockers: [{ text: 'Security review by IT still pending' }, { text: 'Users unsure when to trust the answers', category: 'adoption' }] }));
    expect(third.blockers.map((b) => b.id)).toContain(blocker.id);
    const register = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers`).expect(200)).body as Blocker[];
    expect(register).toHaveLength(2);
    expect(register.find((b) => b.id === blocker.id)).toMatchObject({ firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W32', mentionCount: 3 });
  });

  it('refuses another pilot\'s blocker id and KPI', async () => {
    const other = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
    const otherKpi = await createKpi(t, other.id);
    const [blocker] = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers`).expect(200)).body as Blocker[];
    const res1 = await t.http.post(`/api/pilots/${other.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W32', blockers: [{ blockerId: blocker.id }] })).expect(400);
    expect(res1.body.fieldErrors[0].field).toBe('blockers.0.blockerId');
    const res2 = await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(updateBody(base.lead.id, { week: '2026-W33', kpiReadings: [{ kpiId: otherKpi.id, value: 2 }] })).expect(400);
    expect(res2.body.fieldErrors[0].field).toBe('kpiReadings.0.kpiId');
  });

  it('lists a pilot\'s updates and the portfolio\'s, newest first, with filters', async () => {
    const mine = (await t.http.get(`/api/pilots/${base.pilot.id}/updates?pageSize=2`).expect(200)).body;
    expect(mine.total).toBe(3);
    expect(mine.items.map((u: WeeklyUpdate) => u.week)).toEqual(['2026-W32', '2026-W31']);
    const all = (await t.http.get('/api/updates?fromWeek=2026-W31&toWeek=2026-W31').expect(200)).body;
    expect(all.items.map((u: WeeklyUpdate) => u.week)).toEqual(['2026-W31']);
    expect((await t.http.get(`/api/updates?businessUnitId=${base.unit.id}`).expect(200)).body.total).toBe(3);
    await t.http.get('/api/updates?fromWeek=2026-W99').expect(400);
    await t.http.get('/api/pilots/00000000-0000-4000-8000-000000000000/updates').expect(404);
  });

  it('edits an update with its version, replacing readings and blockers, and recomputes the register', async () => {
    const list = (await t.http.get(`/api/pilots/${base.pilot.id}/updates`).expect(200)).body.items as WeeklyUpdate[];
    const latest = list[0];
    const edited = (await t.http.patch(`/api/updates/${latest.id}`).send({ confidence: 2, blockers: [], version: latest.version }).expect(200)).body as WeeklyUpdate;
    expect(edited).toMatchObject({ confidence: 2, blockers: [] });
    expect(edited.version).toBeGreaterThan(latest.version);
    const register = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers`).expect(200)).body as Blocker[];
    expect(register.find((b) => b.text.startsWith('Waiting'))).toMatchObject({ lastSeenWeek: '2026-W31', mentionCount: 2 });
    await t.http.patch(`/api/updates/${latest.id}`).send({ confidence: 5, version: latest.version }).expect(409);
    await t.http.patch(`/api/updates/${latest.id}`).send({ confidence: 9, version: edited.version }).expect(400);
    expect((await t.http.get(`/api/updates/${latest.id}`).expect(200)).body.confidence).toBe(2);
  });

  it('resolves a blocker once, and a later report by id reopens it', async () => {
    const open = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=open`).expect(200)).body as Blocker[];
    const target = open[0];
    const resolved = (await t.http.post(`/api/blockers/${target.id}/resolve`).send({ version: target.version, note: 'Review passed' }).expect(200)).body;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    await t.http.post(`/api/blockers/${target.id}/resolve`).send({ version: resolved.version }).expect(409);
    await t.http.post(`/api/blockers/${target.id}/resolve`).send({ version: target.version }).expect(409);
    await postUpdate(t, base.pilot.id, updateBody(base.lead.id, { week: '2026-W34', blockers: [{ blockerId: target.id }] }));
    const reopened = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=open`).expect(200)).body as Blocker[];
    expect(reopened.map((b) => b.id)).toContain(target.id);
    await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=maybe`).expect(400);
  });

  it('takes the signed-in lead as author and refuses pilots they do not lead', async () => {
    const lead = await t.as('pilot_lead');
    const own = await createPilot(t, { businessUnitId: base.unit.id, leadId: lead.person.id, stage: 'piloting' });
    const body = { ...updateBody(base.lead.id, { week: '2026-W35' }) };
    const posted = (await lead.post(`/api/pilots/${own.id}/updates`).send(body).expect(201)).body as WeeklyUpdate;
    expect(posted.author.id).toBe(lead.person.id);
    const denied = await lead.post(`/api/pilots/${base.pilot.id}/updates`).send(body).expect(403);
    expect(denied.body.message).toMatch(/lead/);
  });
});
