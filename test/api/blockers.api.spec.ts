import type { Blocker, Pilot } from '@liftoff/shared';
import { createBasicPortfolio, createPilot, postUpdate, updateBody, type BasicPortfolio, fieldsOf, UNKNOWN_ID } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

describe('blockers API', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const freshPilot = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
  const list = async (pilotId: string, query = '') => (await t.http.get(`/api/pilots/${pilotId}/blockers${query}`).expect(200)).body as Blocker[];
  const stored = async (id: string) => (await t.dataSource.query('SELECT status, resolved_at, resolution_note, first_seen_week, last_seen_week, version FROM blockers WHERE id = $1', [id]))[0];
  /** A pilot with one blocker reported in W30 and W31, and one reported in W31 only. */
  const pilotWithBlockers = async (): Promise<{ pilot: Pilot; old: Blocker; recent: Blocker }> => {
    const pilot = await freshPilot();
    const first = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W30', blockers: [{ text: 'Waiting on IT security review', category: 'security_compliance' }] }));
    await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W31', blockers: [{ blockerId: first.blockers[0].id }, { text: 'No budget for licences', category: 'budget' }] }));
    const [old, recent] = await list(pilot.id);
    return { pilot, old, recent };
  };

  describe('GET /api/pilots/:pilotId/blockers', () => {
    it('lists the register, open first and then by first week seen, with mention counts', async () => {
      const { pilot, old, recent } = await pilotWithBlockers();
      expect([old, recent]).toEqual([
        { id: expect.any(String), pilotId: pilot.id, text: 'Waiting on IT security review', category: 'security_compliance', status: 'open', firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W31', mentionCount: 2, resolvedAt: null, resolutionNote: null, version: expect.any(Number) },
        { id: expect.any(String), pilotId: pilot.id, text: 'No budget for licences', category: 'budget', status: 'open', firstSeenWeek: '2026-W31', lastSeenWeek: '2026-W31', mentionCount: 1, resolvedAt: null, resolutionNote: null, version: expect.any(Number) },
      ]);
      await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: old.version }).expect(200);
      expect((await list(pilot.id)).map((b) => [b.text, b.status])).toEqual([['No budget for licences', 'open'], ['Waiting on IT security review', 'resolved']]);
      expect((await list(pilot.id, '?status=open')).map((b) => b.id)).toEqual([recent.id]);
      expect((await list(pilot.id, '?status=resolved')).map((b) => b.id)).toEqual([old.id]);
      expect(await list((await freshPilot()).id)).toEqual([]);
    });

    it('answers 404 for an unknown pilot and 400 for malformed ids and queries', async () => {
      await t.http.get(`/api/pilots/${UNKNOWN_ID}/blockers`).expect(404);
      expect(fieldsOf(await t.http.get('/api/pilots/p1/blockers').expect(400))).toEqual(['pilotId']);
      expect(fieldsOf(await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=maybe`).expect(400))).toEqual(['status']);
      expect(fieldsOf(await t.http.get(`/api/pilots/${base.pilot.id}/blockers?category=data`).expect(400))).toEqual(['category']);
    });
  });

  describe('POST /api/blockers/:id/resolve', () => {
    it('resolves a blocker with a note, keeping its history', async () => {
      const { old } = await pilotWithBlockers();
      const res = await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: old.version, note: 'Review passed on Friday' }).expect(200);
      expect(res.body).toEqual({ ...old, status: 'resolved', resolvedAt: expect.any(String), resolutionNote: 'Review passed on Friday', version: old.version + 1 });
      expect(Math.abs(Date.parse(res.body.resolvedAt) - Date.now())).toBeLessThan(60_000);
      expect(await stored(old.id)).toMatchObject({ status: 'resolved', resolution_note: 'Review passed on Friday', first_seen_week: '2026-W30', last_seen_week: '2026-W31', version: old.version + 1 });
      const { recent } = await pilotWithBlockers();
      await t.http.post(`/api/blockers/${recent.id}/resolve`).send({ version: recent.version }).expect(200);
      expect(await stored(recent.id)).toMatchObject({ status: 'resolved', resolution_note: null });
    });

    it('refuses to resolve an already-resolved blocker with 409 and changes nothing', async () => {
      const { old } = await pilotWithBlockers();
      const resolved = (await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: old.version, note: 'Done' }).expect(200)).body as Blocker;
      const before = await stored(old.id);
      const res = await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: resolved.version, note: 'Again' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: expect.stringMatching(/already resolved/) });
      expect(await stored(old.id)).toEqual(before);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const { pilot, old } = await pilotWithBlockers();
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W32', blockers: [{ blockerId: old.id }] }));
      const before = await stored(old.id);
      expect(before.version).toBeGreaterThan(old.version);
      const res = await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: old.version }).expect(409);
      expect(res.body.message).toMatch(/changed by someone else/);
      expect(await stored(old.id)).toEqual(before);
    });

    it.each([
      [{}, 'version'],
      [{ version: 0 }, 'version'],
      [{ version: '1' }, 'version'],
      [{ version: 1.5 }, 'version'],
      [{ version: 1, note: '' }, 'note'],
      [{ version: 1, note: 42 }, 'note'],
      [{ version: 1, note: 'NOTE_OF_2001_CHARACTERS' }, 'note'],
      [{ version: 1, status: 'resolved' }, 'status'],
    ])('rejects %j with 400 naming %s and changes nothing', async (body, field) => {
      const { old } = await pilotWithBlockers();
      const before = await stored(old.id);
      const sent = JSON.parse(JSON.stringify(body).replace('NOTE_OF_2001_CHARACTERS', 'n'.repeat(2001)));
      const res = await t.http.post(`/api/blockers/${old.id}/resolve`).send(sent).expect(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await stored(old.id)).toEqual(before);
    });

    it('answers 404 for an unknown blocker and 400 for a malformed id', async () => {
      const res = await t.http.post(`/api/blockers/${UNKNOWN_ID}/resolve`).send({ version: 1 }).expect(404);
      expect(res.body.message).toContain(UNKNOWN_ID);
      expect(fieldsOf(await t.http.post('/api/blockers/b-1/resolve').send({ version: 1 }).expect(400))).toEqual(['id']);
    });
  });

  describe('reopening', () => {
    it('reopens a resolved blocker when a later update reports it by id', async () => {
      const { pilot, old } = await pilotWithBlockers();
      const resolved = (await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: old.version, note: 'Passed' }).expect(200)).body as Blocker;
      const blockersBefore = await countRows(t.dataSource, 'blockers');
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: '2026-W33', blockers: [{ blockerId: old.id }] }));
      expect(update.blockers).toEqual([{ id: old.id, text: old.text, category: old.category, status: 'open' }]);
      const [reopened] = await list(pilot.id, '?status=open').then((open) => open.filter((b) => b.id === old.id));
      expect(reopened).toEqual({ ...old, status: 'open', resolvedAt: null, lastSeenWeek: '2026-W33', mentionCount: 3, version: expect.any(Number) });
      expect(reopened.version).toBeGreaterThan(resolved.version);
      expect(await stored(old.id)).toMatchObject({ resolution_note: null, resolved_at: null });
      expect(await countRows(t.dataSource, 'blockers')).toBe(blockersBefore);
      const again = await t.http.post(`/api/blockers/${old.id}/resolve`).send({ version: reopened.version }).expect(200);
      expect(again.body).toMatchObject({ status: 'resolved', mentionCount: 3 });
    });
  });
});
