import { addIsoWeeks, isoWeekOf, isoWeekStart, type Blocker } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, postUpdate, updateBody } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A posted update writes its rows in one hand-written statement; its audit trail is still one row
 * per row written, with the values an entity save records (the reading as sent, before the column
 * rounds it; a mention's junction row without values).
 */
describe('the audit trail of a posted update', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records the update, its readings, mentions, wordings and blockers as their saves did', async () => {
    const base = await createBasicPortfolio(t);
    const thisWeek = isoWeekOf(new Date());
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2026-01-05' });
    const [k1, k2] = [await createKpi(t, pilot.id), await createKpi(t, pilot.id, { baseline: 20, target: 5.5 })];
    await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -1), blockers: [{ text: 'Budget for licences not approved', category: 'budget' }] }));
    const [blocker]: Blocker[] = (await t.http.get(`/api/pilots/${pilot.id}/blockers?status=open`).expect(200)).body;
    const [{ max }] = await t.dataSource.query('SELECT max(at)::text AS max FROM audit_events');
    const week = addIsoWeeks(thisWeek, -3);
    const posted = await postUpdate(t, pilot.id, updateBody(base.lead.id, {
      week, kpiReadings: [{ kpiId: k1.id, value: 10.123456 }, { kpiId: k2.id, value: 7 }],
      blockers: [{ blockerId: blocker.id, text: 'Licence budget still not approved' }, { text: 'Vendor contract unsigned', isNew: true, category: 'integration' }],
    }));
    const rows: { entity: string; entity_id: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[] = await t.dataSource.query(
      `SELECT entity, entity_id, action, before, after FROM audit_events WHERE at > $1::timestamptz
        ORDER BY entity, action, coalesce(after->>'text', ''), coalesce(after->>'value', '')`,
      [max],
    );
    const [created] = (await t.http.get(`/api/pilots/${pilot.id}/blockers?status=open`).expect(200)).body.filter((b: Blocker) => b.id !== blocker.id);
    const time = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
    const id = expect.stringMatching(/^[0-9a-f-]{36}$/);
    const blockerRow = (b: Blocker, version: number, firstSeenWeek: string, lastSeenWeek: string) => ({
      id: b.id, text: b.text, status: 'open', pilotId: pilot.id, version, category: b.category, createdAt: time, resolvedAt: null, firstSeenWeek, lastSeenWeek, resolutionNote: null,
    });
    expect(rows).toEqual([
      { entity: 'blocker_wordings', entity_id: id, action: 'insert', before: null, after: { id, text: 'Licence budget still not approved', updateId: posted.id, blockerId: blocker.id, createdAt: time } },
      { entity: 'blocker_wordings', entity_id: id, action: 'insert', before: null, after: { id, text: 'Vendor contract unsigned', updateId: posted.id, blockerId: created.id, createdAt: time } },
      { entity: 'blockers', entity_id: created.id, action: 'insert', before: null, after: blockerRow(created, 1, week, week) },
      { entity: 'blockers', entity_id: blocker.id, action: 'update', before: blockerRow(blocker, 1, blocker.firstSeenWeek, blocker.lastSeenWeek), after: blockerRow(blocker, 2, week, blocker.lastSeenWeek) },
      { entity: 'kpi_readings', entity_id: id, action: 'insert', before: null, after: { id, kpiId: k1.id, value: 10.123456, updateId: posted.id } },
      { entity: 'kpi_readings', entity_id: id, action: 'insert', before: null, after: { id, kpiId: k2.id, value: 7, updateId: posted.id } },
      { entity: 'update_blockers', entity_id: '', action: 'insert', before: null, after: null },
      { entity: 'update_blockers', entity_id: '', action: 'insert', before: null, after: null },
      { entity: 'weekly_updates', entity_id: posted.id, action: 'insert', before: null, after: {
        id: posted.id, week, health: 'on_track', pilotId: pilot.id, summary: 'Steady progress this week.', version: 1, authorId: base.lead.id,
        createdAt: time, updatedAt: time, weekStart: isoWeekStart(week).toISOString().slice(0, 10), confidence: 4, activeUsers: 20,
        pivotSuggested: false, scaleQuestionAsked: false, resourcesRedirected: false, activeUsersOutsideTeam: 5,
      } },
    ]);
    // Each row's id is the stored row's, and the reading is stored rounded to the column.
    const readings = rows.filter((r) => r.entity === 'kpi_readings').map((r) => r.entity_id);
    expect((await t.dataSource.query('SELECT value::text AS v FROM kpi_readings WHERE id = ANY($1) ORDER BY value', [readings])).map((r: { v: string }) => r.v)).toEqual(['7.0000', '10.1235']);
  });

  it('records a reopened blocker as its save did: before as stored, after reopened and stretched', async () => {
    const base = await createBasicPortfolio(t);
    const thisWeek = isoWeekOf(new Date());
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2026-01-05' });
    await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -2), blockers: [{ text: 'Security review pending', category: 'security_compliance' }] }));
    const [blocker]: Blocker[] = (await t.http.get(`/api/pilots/${pilot.id}/blockers?status=open`).expect(200)).body;
    await t.http.post(`/api/blockers/${blocker.id}/resolve`).send({ version: blocker.version, note: 'Passed' }).expect(200);
    const [{ max, after: resolved }] = await t.dataSource.query(`SELECT at::text AS max, after FROM audit_events WHERE entity_id = $1 ORDER BY at DESC LIMIT 1`, [blocker.id]);
    expect(resolved.status).toBe('resolved');
    await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: thisWeek, blockers: [{ blockerId: blocker.id }] }));
    const rows = await t.dataSource.query(`SELECT action, before, after FROM audit_events WHERE at > $1::timestamptz AND entity = 'blockers'`, [max]);
    expect(rows).toEqual([{ action: 'update', before: resolved, after: { ...resolved, status: 'open', resolvedAt: null, resolutionNote: null, version: resolved.version + 1, lastSeenWeek: thisWeek } }]);
  });
});
