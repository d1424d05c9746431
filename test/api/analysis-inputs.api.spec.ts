import { addIsoWeeks, isoWeekOf, latestBegunDate, type Blocker, type Pilot, type StageChange } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, fieldsOf, postUpdate, updateBody, UNKNOWN_ID, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** The inputs the analysis reads are checked as they are written. */
describe('analysis inputs: KPI direction, update stages, resolved blockers, pivot suggestion, stage clock', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  const thisWeek = isoWeekOf(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const pilotOf = (overrides: Record<string, unknown> = {}) =>
    createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', ...overrides });

  describe('KPI direction', () => {
    it.each([
      [{ direction: 'lower_is_better', baseline: 10, target: 12 }],
      [{ direction: 'lower_is_better', baseline: 10, target: 10 }],
      [{ direction: 'higher_is_better', baseline: 50, target: 40 }],
    ])('refuses a target on the wrong side of the baseline with 400 naming target: %j', async (body) => {
      const before = await countRows(t.dataSource, 'kpis');
      const res = await t.http.post(`/api/pilots/${base.pilot.id}/kpis`).send({ name: 'Wrong way', unit: 'min', ...body }).expect(400);
      expect(fieldsOf(res)).toEqual(['target']);
      expect(await countRows(t.dataSource, 'kpis')).toBe(before);
    });

    it('refuses an edit that turns the pair around, and accepts a consistent one', async () => {
      const kpi = await createKpi(t, base.pilot.id, { baseline: 12, target: 8, direction: 'lower_is_better' });
      const res = await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, direction: 'higher_is_better' }).expect(400);
      expect(fieldsOf(res)).toEqual(['baseline']);
      expect((await t.http.get(`/api/kpis/${kpi.id}`).expect(200)).body.direction).toBe('lower_is_better');
      await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, direction: 'higher_is_better', target: 20 }).expect(200);
    });
  });

  describe('which stages take weekly updates (shared takesUpdates)', () => {
    it.each(['paused', 'production', 'killed'])('refuses an update for a %s pilot with 409 and stores nothing', async (stage) => {
      const pilot = await pilotOf({ stage: stage === 'paused' ? 'paused' : 'scaling' });
      if (stage !== 'paused') await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ version: pilot.version, stage }).expect(200);
      const before = await countRows(t.dataSource, 'weekly_updates');
      const res = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: thisWeek })).expect(409);
      expect(res.body.message).toContain(stage);
      expect(await countRows(t.dataSource, 'weekly_updates')).toBe(before);
    });

    it.each(['proposed', 'piloting', 'scaling'])('takes an update for a %s pilot', async (stage) => {
      const pilot = await pilotOf({ stage });
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: thisWeek }));
    });
  });

  describe('an update that resolves blockers', () => {
    it('resolves them in the same request, with the note', async () => {
      const pilot = await pilotOf();
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -1), blockers: [{ text: 'CRM sandbox access missing' }, { text: 'Works council consultation pending' }] }));
      const [crm, council] = ((await t.http.get(`/api/pilots/${pilot.id}/blockers`).expect(200)).body as Blocker[]).sort((a, b) => a.text.localeCompare(b.text));
      const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: thisWeek, blockers: [{ blockerId: council.id }], resolvedBlockers: [{ blockerId: crm.id, note: 'Access granted' }] }));
      expect(update.blockers.map((b) => b.id)).toEqual([council.id]);
      const blockers = (await t.http.get(`/api/pilots/${pilot.id}/blockers`).expect(200)).body as Blocker[];
      expect(blockers.find((b) => b.id === crm.id)).toMatchObject({ status: 'resolved', resolutionNote: 'Access granted' });
      expect(blockers.find((b) => b.id === council.id)).toMatchObject({ status: 'open' });
    });

    it.each([
      ['an unknown blocker', async () => UNKNOWN_ID],
      ['a blocker of another pilot', async () => {
        const other = await pilotOf();
        await postUpdate(t, other.id, updateBody(base.lead.id, { week: thisWeek, blockers: [{ text: 'GPU quota not granted' }] }));
        return ((await t.http.get(`/api/pilots/${other.id}/blockers`).expect(200)).body as Blocker[])[0].id;
      }],
    ])('refuses %s with 400 naming resolvedBlockers.0.blockerId and stores nothing', async (_name, blockerId) => {
      const pilot = await pilotOf();
      const id = await blockerId();
      const before = await countRows(t.dataSource, 'weekly_updates');
      const res = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: thisWeek, resolvedBlockers: [{ blockerId: id }] })).expect(400);
      expect(fieldsOf(res)).toEqual(['resolvedBlockers.0.blockerId']);
      expect(await countRows(t.dataSource, 'weekly_updates')).toBe(before);
    });

    it('refuses to resolve a blocker the same update still reports', async () => {
      const pilot = await pilotOf();
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -1), blockers: [{ text: 'Legal sign-off pending' }] }));
      const [blocker] = (await t.http.get(`/api/pilots/${pilot.id}/blockers`).expect(200)).body as Blocker[];
      const res = await t.http.post(`/api/pilots/${pilot.id}/updates`)
        .send(updateBody(base.lead.id, { week: thisWeek, blockers: [{ blockerId: blocker.id }], resolvedBlockers: [{ blockerId: blocker.id }] }))
        .expect(400);
      expect(fieldsOf(res)).toEqual(['resolvedBlockers.0.blockerId']);
    });
  });

  it('stores the lead\'s pivot suggestion on the update', async () => {
    const pilot = await pilotOf();
    const update = await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: thisWeek, pivotSuggested: true }));
    expect(update.pivotSuggested).toBe(true);
    expect((await t.http.get(`/api/updates/${update.id}`).expect(200)).body.pivotSuggested).toBe(true);
    const res = await t.http.post(`/api/pilots/${pilot.id}/updates`).send(updateBody(base.lead.id, { week: addIsoWeeks(thisWeek, -1), pivotSuggested: 'yes' as unknown as boolean })).expect(400);
    expect(fieldsOf(res)).toEqual(['pivotSuggested']);
  });

  describe('stage clock', () => {
    const stageChanges = async (id: string) => (await t.http.get(`/api/pilots/${id}/stage-changes`).expect(200)).body as StageChange[];

    it('is backdated when a pilot that began earlier is created', async () => {
      const pilot = await pilotOf({ startDate: '2025-03-03', stageEnteredAt: '2025-04-01' });
      expect(pilot.stageEnteredAt).toBe('2025-04-01T00:00:00.000Z');
      expect((await stageChanges(pilot.id)).map((c) => c.changedAt)).toEqual(['2025-04-01T00:00:00.000Z']);
    });

    it('is edited by the program office, never before the previous stage change', async () => {
      const pilot = await pilotOf({ stage: 'proposed', stageEnteredAt: '2025-01-06' });
      const moved = (await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ version: pilot.version, stage: 'piloting' }).expect(200)).body as Pilot;
      const early = await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: moved.version, stageEnteredAt: '2024-12-01' }).expect(400);
      expect(fieldsOf(early)).toEqual(['stageEnteredAt']);
      const edited = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: moved.version, stageEnteredAt: '2025-02-03' }).expect(200)).body as Pilot;
      expect(edited.stageEnteredAt).toBe('2025-02-03T00:00:00.000Z');
      expect((await stageChanges(pilot.id)).map((c) => [c.toStage, c.changedAt])).toEqual([
        ['proposed', '2025-01-06T00:00:00.000Z'],
        ['piloting', '2025-02-03T00:00:00.000Z'],
      ]);
    });

    it('takes the date someone east of UTC already lives in as today, never a later one', async () => {
      // From 10:00 UTC on, it is already tomorrow at UTC+14: that date is accepted and the clock starts now.
      const begun = latestBegunDate(new Date());
      const before = Date.now();
      const pilot = await pilotOf({ stageEnteredAt: begun });
      expect(Date.parse(pilot.stageEnteredAt)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(pilot.stageEnteredAt)).toBeGreaterThanOrEqual(Math.min(before - 1000, Date.parse(`${begun}T00:00:00Z`)));
      const next = new Date(Date.parse(`${begun}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const res = await t.http.post('/api/pilots').send({ name: 'Tomorrow', businessUnitId: base.unit.id, leadId: base.lead.id, useCaseCategory: 'other', startDate: '2025-01-01', complexity: 'typical', stageEnteredAt: next }).expect(400);
      expect(fieldsOf(res)).toEqual(['stageEnteredAt']);
    });

    it.each(['2999-01-01', '1999-12-31', '2025-02-30', 'last spring'])('refuses stageEnteredAt %s with 400 naming it', async (value) => {
      const res = await t.http.post('/api/pilots').send({ name: 'Clock', businessUnitId: base.unit.id, leadId: base.lead.id, useCaseCategory: 'other', startDate: '2025-01-01', complexity: 'typical', stageEnteredAt: value }).expect(400);
      expect(fieldsOf(res)).toEqual(['stageEnteredAt']);
    });

    it('is not the lead\'s to set', async () => {
      const pilot = await pilotOf();
      const lead = await t.as('pilot_lead', { id: base.lead.id } as never);
      await lead.patch(`/api/pilots/${pilot.id}`).send({ version: pilot.version, stageEnteredAt: '2025-01-06' }).expect(403);
    });
  });
});
