import { addIsoWeeks, isoWeekOf, type Blocker, type BlockerMatch, type BlockerMention, type Pilot, type SignalFlag, type WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, createPilot, fieldsOf, postUpdate, updateBody, UNKNOWN_ID, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** Weeks relative to now, so no update is in the future and no blocker fires on age alone. */
const weeksAgo = (n: number) => addIsoWeeks(isoWeekOf(new Date()), -n);

describe('blocker matching, wordings and the register (API)', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const freshPilot = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, stage: 'piloting' });
  const report = (pilot: Pilot, weeks: number, blockers: object[]): Promise<WeeklyUpdate> =>
    postUpdate(t, pilot.id, updateBody(base.lead.id, { week: weeksAgo(weeks), blockers } as never));
  const register = async (pilot: Pilot) => (await t.http.get(`/api/pilots/${pilot.id}/blockers`).expect(200)).body as Blocker[];
  const mentions = async (id: string) => (await t.http.get(`/api/blockers/${id}/mentions`).expect(200)).body as BlockerMention[];
  const matches = async (pilot: Pilot, text: string) =>
    (await t.http.get(`/api/pilots/${pilot.id}/blocker-matches`).query({ text }).expect(200)).body as BlockerMatch[];
  const openFlags = async (pilot: Pilot) =>
    ((await t.http.get(`/api/pilots/${pilot.id}/flags`).expect(200)).body as SignalFlag[]).filter((f) => f.status === 'open' && f.kind === 'repeated_blocker');

  describe('GET /api/pilots/:pilotId/blocker-matches', () => {
    let pilot: Pilot;
    let crm: Blocker;
    beforeAll(async () => {
      pilot = await freshPilot();
      const first = await report(pilot, 3, [
        { text: 'CRM integration API not available', category: 'integration' },
        { text: 'Budget for licences not approved', category: 'budget' },
        { text: 'Waiting on IT security review', category: 'security_compliance' },
      ]);
      crm = (await register(pilot)).find((b) => b.text.startsWith('CRM'))!;
      const security = first.blockers.find((b) => b.text.startsWith('Waiting'))!;
      const current = (await register(pilot)).find((b) => b.id === security.id)!;
      await t.http.post(`/api/blockers/${security.id}/resolve`).send({ version: current.version }).expect(200);
      const other = await freshPilot();
      await report(other, 3, [{ text: 'CRM integration API not available', category: 'integration' }]);
    });

    it('ranks the open blockers of that pilot, saying which would be linked automatically', async () => {
      const found = await matches(pilot, 'Salesforce API access still missing');
      expect(found[0]).toEqual({ blockerId: crm.id, text: crm.text, category: 'integration', score: expect.any(Number), autoLink: true, matchedWording: crm.text });
      expect(found.every((m, i) => i === 0 || m.score <= found[i - 1].score)).toBe(true);
      const vetoed = await matches(pilot, 'ERP integration API not available');
      expect(vetoed.find((m) => m.blockerId === crm.id)).toMatchObject({ autoLink: false });
      expect(await matches(pilot, 'Security review by IT still pending')).toEqual([]); // resolved: not offered
      expect(await matches(pilot, 'Cafeteria menu')).toEqual([]);
    });

    it('may be read by every role', async () => {
      for (const role of ['pilot_lead', 'executive'] as const) {
        const caller = await t.as(role);
        const res = await caller.get(`/api/pilots/${pilot.id}/blocker-matches?text=${encodeURIComponent('Salesforce API still missing')}`).expect(200);
        expect(res.body[0].blockerId).toBe(crm.id);
      }
    });

    it.each([
      ['no text', '', 'text'],
      ['an empty text', '?text=', 'text'],
      ['a text of 501 characters', `?text=${'x'.repeat(501)}`, 'text'],
      ['an unknown parameter', '?text=CRM&limit=3', 'limit'],
    ])('answers 400 naming the field for %s', async (_case, query, field) => {
      expect(fieldsOf(await t.http.get(`/api/pilots/${pilot.id}/blocker-matches${query}`).expect(400))).toContain(field);
    });

    it('answers 404 for an unknown pilot and 400 for a malformed id', async () => {
      await t.http.get(`/api/pilots/${UNKNOWN_ID}/blocker-matches?text=CRM`).expect(404);
      expect(fieldsOf(await t.http.get('/api/pilots/p1/blocker-matches?text=CRM').expect(400))).toEqual(['pilotId']);
    });
  });

  describe('what an update says about each blocker', () => {
    it('links a bare text only above the automatic threshold, never one marked new, and keeps the words of a chosen blocker', async () => {
      const pilot = await freshPilot();
      const first = await report(pilot, 4, [{ text: 'CRM integration API not available', category: 'integration' }]);
      const crmId = first.blockers[0].id;
      expect((await report(pilot, 3, [{ text: 'Salesforce API access still missing' }])).blockers.map((b) => b.id)).toEqual([crmId]);
      const vetoed = await report(pilot, 2, [{ text: 'ERP integration API not available' }]);
      expect(vetoed.blockers[0].id).not.toBe(crmId);
      const markedNew = await report(pilot, 1, [{ text: 'CRM integration API not available', isNew: true }]);
      expect(markedNew.blockers[0].id).not.toBe(crmId);
      const chosen = await report(pilot, 0, [{ blockerId: crmId, text: 'Still cannot call the CRM from the assistant' }]);
      expect(chosen.blockers.map((b) => b.id)).toEqual([crmId]);
      expect((await mentions(crmId)).map((m) => m.text)).toEqual([
        'CRM integration API not available', 'Salesforce API access still missing', 'Still cannot call the CRM from the assistant',
      ]);
      expect((await register(pilot)).length).toBe(3);
    });
  });

  describe('editing an update', () => {
    it('replaces the wordings its mentions were typed in', async () => {
      const pilot = await freshPilot();
      await report(pilot, 2, [{ text: 'Waiting on IT security review', category: 'security_compliance' }]);
      const [blocker] = await register(pilot);
      const second = await report(pilot, 1, [{ blockerId: blocker.id, text: 'Security questionnaire still with infosec' }]);
      const edited = await t.http.patch(`/api/updates/${second.id}`).send({ blockers: [{ blockerId: blocker.id, text: 'Infosec has the questionnaire' }], version: second.version }).expect(200);
      expect((await mentions(blocker.id)).map((m) => m.text)).toEqual(['Waiting on IT security review', 'Infosec has the questionnaire']);
      await t.http.patch(`/api/updates/${second.id}`).send({ blockers: [], version: edited.body.version }).expect(200);
      expect((await mentions(blocker.id)).map((m) => m.text)).toEqual(['Waiting on IT security review']);
      const rows = await t.dataSource.query('SELECT text FROM blocker_wordings WHERE update_id = $1', [second.id]);
      expect(rows).toEqual([]);
    });
  });

  describe('POST /api/blockers/:id/merge', () => {
    /** Security review reported in two weeks, the same thing as a second blocker in a third week. */
    const twoForOne = async () => {
      const pilot = await freshPilot();
      const first = await report(pilot, 3, [{ text: 'Waiting on IT security review', category: 'security_compliance' }]);
      const keep = first.blockers[0].id;
      await report(pilot, 2, [{ blockerId: keep }]);
      const third = await report(pilot, 1, [{ text: 'Infosec questionnaire for the vendor', isNew: true, category: 'security_compliance' }]);
      const blockers = await register(pilot);
      return { pilot, keep: blockers.find((b) => b.id === keep)!, absorb: blockers.find((b) => b.id === third.blockers[0].id)! };
    };

    it('moves the mentions and wordings over, recomputes the weeks, audits, and re-analyses the pilot', async () => {
      const { pilot, keep, absorb } = await twoForOne();
      expect(await openFlags(pilot)).toEqual([]);
      const res = await t.http.post(`/api/blockers/${absorb.id}/merge`).send({ intoId: keep.id, version: absorb.version, intoVersion: keep.version }).expect(200);
      expect(res.body).toEqual({ ...keep, mentionCount: 3, firstSeenWeek: weeksAgo(3), lastSeenWeek: weeksAgo(1), version: expect.any(Number) });
      expect(res.body.version).toBeGreaterThan(keep.version);
      expect((await register(pilot)).map((b) => b.id)).toEqual([keep.id]);
      expect((await mentions(keep.id)).map((m) => [m.week, m.text])).toEqual([
        [weeksAgo(3), 'Waiting on IT security review'], [weeksAgo(2), keep.text], [weeksAgo(1), 'Infosec questionnaire for the vendor'],
      ]);
      const [flag] = await openFlags(pilot);
      expect(flag).toMatchObject({ subjectKey: keep.id, evidence: expect.objectContaining({ consecutiveUpdates: 3 }) });
      const audit = await t.http.get(`/api/audit?entity=blockers&entityId=${absorb.id}`).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('delete');
      // The absorbed blocker's register text joins the survivor's wordings: later reports match it.
      expect((await matches(pilot, 'Infosec questionnaire for the vendor'))[0]).toMatchObject({ blockerId: keep.id, autoLink: true });
    });

    it('keeps one mention when an update reported both', async () => {
      const pilot = await freshPilot();
      const update = await report(pilot, 1, [{ text: 'Waiting on IT security review' }, { text: 'Legal review of the DPA pending', isNew: true }]);
      const [a, b] = await register(pilot);
      const res = await t.http.post(`/api/blockers/${b.id}/merge`).send({ intoId: a.id, version: b.version, intoVersion: a.version }).expect(200);
      expect(res.body.mentionCount).toBe(1);
      expect((await mentions(a.id)).map((m) => m.updateId)).toEqual([update.id]);
    });

    it('refuses stale versions with 409 and changes nothing', async () => {
      const { keep, absorb } = await twoForOne();
      const before = await countRows(t.dataSource, 'update_blockers');
      await t.http.post(`/api/blockers/${absorb.id}/merge`).send({ intoId: keep.id, version: absorb.version + 1, intoVersion: keep.version }).expect(409);
      await t.http.post(`/api/blockers/${absorb.id}/merge`).send({ intoId: keep.id, version: absorb.version, intoVersion: keep.version - 1 }).expect(409);
      expect(await countRows(t.dataSource, 'update_blockers')).toBe(before);
      expect((await mentions(absorb.id)).length).toBe(1);
    });

    it('answers 400 naming the field for bad input, 404 for an unknown blocker, 403 for other roles', async () => {
      const { keep, absorb } = await twoForOne();
      const elsewhere = (await report(await freshPilot(), 1, [{ text: 'GPU quota not granted' }])).blockers[0];
      const body = { intoId: keep.id, version: absorb.version, intoVersion: keep.version };
      for (const [patch, field] of [
        [{ intoId: undefined }, 'intoId'], [{ intoId: 'b-1' }, 'intoId'], [{ intoId: UNKNOWN_ID }, 'intoId'], [{ intoId: absorb.id }, 'intoId'],
        [{ intoId: elsewhere.id }, 'intoId'], [{ version: undefined }, 'version'], [{ intoVersion: 0 }, 'intoVersion'], [{ reason: 'dup' }, 'reason'],
      ] as const) {
        expect(fieldsOf(await t.http.post(`/api/blockers/${absorb.id}/merge`).send({ ...body, ...patch }).expect(400))).toContain(field);
      }
      await t.http.post(`/api/blockers/${UNKNOWN_ID}/merge`).send(body).expect(404);
      for (const role of ['pilot_lead', 'executive'] as const) {
        await (await t.as(role)).post(`/api/blockers/${absorb.id}/merge`).send(body).expect(403);
      }
      expect((await mentions(absorb.id)).length).toBe(1);
    });
  });

  describe('POST /api/blockers/:id/split', () => {
    /** A legal review wrongly confirmed as the security review in the third week. */
    const wronglyLinked = async () => {
      const pilot = await freshPilot();
      const first = await report(pilot, 3, [{ text: 'Waiting on IT security review', category: 'security_compliance' }]);
      const id = first.blockers[0].id;
      await report(pilot, 2, [{ blockerId: id, text: 'Security review by IT still pending' }]);
      const wrong = await report(pilot, 1, [{ blockerId: id, text: 'Legal review of the vendor contract pending' }]);
      const blocker = (await register(pilot)).find((b) => b.id === id)!;
      return { pilot, blocker, wrong };
    };

    it('makes one update\'s mention a new blocker in the words of that update', async () => {
      const { pilot, blocker, wrong } = await wronglyLinked();
      expect((await openFlags(pilot)).map((f) => f.subjectKey)).toEqual([blocker.id]);
      const res = await t.http.post(`/api/blockers/${blocker.id}/split`).send({ updateId: wrong.id, version: blocker.version }).expect(200);
      expect(res.body.original).toEqual({ ...blocker, mentionCount: 2, lastSeenWeek: weeksAgo(2), version: expect.any(Number) });
      expect(res.body.original.version).toBeGreaterThan(blocker.version);
      expect(res.body.created).toMatchObject({ text: 'Legal review of the vendor contract pending', category: 'security_compliance', status: 'open', firstSeenWeek: weeksAgo(1), lastSeenWeek: weeksAgo(1), mentionCount: 1 });
      expect((await mentions(res.body.created.id)).map((m) => m.updateId)).toEqual([wrong.id]);
      expect((await mentions(blocker.id)).map((m) => m.text)).toEqual(['Waiting on IT security review', 'Security review by IT still pending']);
      expect(await openFlags(pilot)).toEqual([]); // two mentions left: below the repeated-blocker threshold
      const audit = await t.http.get(`/api/audit?entity=blockers&entityId=${res.body.created.id}`).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('insert');
    });

    it('refuses a stale version and a blocker\'s only mention with 409, bad input with 400, other roles with 403', async () => {
      const { blocker, wrong } = await wronglyLinked();
      const single = await report(await freshPilot(), 1, [{ text: 'GPU quota not granted' }]);
      const [only] = await register({ id: single.pilotId } as Pilot);
      const before = await countRows(t.dataSource, 'blockers');
      await t.http.post(`/api/blockers/${blocker.id}/split`).send({ updateId: wrong.id, version: blocker.version - 1 }).expect(409);
      await t.http.post(`/api/blockers/${only.id}/split`).send({ updateId: single.id, version: only.version }).expect(409);
      for (const [body, field] of [
        [{ version: blocker.version }, 'updateId'], [{ updateId: 'u1', version: blocker.version }, 'updateId'],
        [{ updateId: single.id, version: blocker.version }, 'updateId'], [{ updateId: wrong.id }, 'version'],
      ] as const) {
        expect(fieldsOf(await t.http.post(`/api/blockers/${blocker.id}/split`).send(body).expect(400))).toContain(field);
      }
      for (const role of ['pilot_lead', 'executive'] as const) {
        await (await t.as(role)).post(`/api/blockers/${blocker.id}/split`).send({ updateId: wrong.id, version: blocker.version }).expect(403);
      }
      expect(await countRows(t.dataSource, 'blockers')).toBe(before);
    });
  });

  it('one blocker in five wordings over five updates, each confirmed by the lead: one blocker, five mentions, the flag counts 5', async () => {
    const pilot = await freshPilot();
    const wordings = [
      'Waiting on CAB approval for the production release',
      'Change advisory board has not approved the go-live yet',
      'Release still not through the change advisory board',
      'CAB slot keeps slipping, deployment on hold',
      'No change board sign-off, so no deployment',
    ];
    const first = await report(pilot, 5, [{ text: wordings[0], category: 'security_compliance' }]);
    const id = first.blockers[0].id;
    for (const [i, text] of wordings.slice(1).entries()) {
      const update = await report(pilot, 4 - i, [{ blockerId: id, text }]);
      expect(update.blockers.map((b) => b.id)).toEqual([id]);
    }
    const [blocker] = await register(pilot);
    expect(blocker).toMatchObject({ id, text: wordings[0], mentionCount: 5, firstSeenWeek: weeksAgo(5), lastSeenWeek: weeksAgo(1) });
    expect((await mentions(id)).map((m) => m.text)).toEqual(wordings);
    const [flag] = await openFlags(pilot);
    expect(flag).toMatchObject({ subjectKey: id, evidence: expect.objectContaining({ consecutiveUpdates: 5 }) });
    expect(flag.summary).toMatch(/5 consecutive updates/);
  });
});
