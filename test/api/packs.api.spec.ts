import { addIsoWeeks, isoWeekOf, type AnalysisSettings, type Blocker, type DecisionView, type Pack, type PackSummary, type Page, type Pilot, type ScaleQueueItem, type StuckPilot } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { createPerson, createPilot, fieldsOf, postUpdate, UNKNOWN_ID, updateBody } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const ids = (items: { pilotId: string }[]) => items.map((i) => i.pilotId).sort();

/**
 * Steering-committee packs on the demo portfolio: a pack freezes what the live pages show, never
 * changes (not even by SQL), and the next pack says what changed since, pilot by pilot.
 */
describe('steering-committee packs', () => {
  let t: TestApp;
  let first: Pack;
  /** Stuck at the first pack by one blocker, which is resolved before the second. */
  let resolvable: { pilot: Pilot; leadId: string };
  const thisWeek = isoWeekOf(new Date());

  const stuckNow = async (): Promise<StuckPilot[]> => {
    const all: StuckPilot[] = [];
    for (let page = 1; ; page++) {
      const body: Page<StuckPilot> = (await t.http.get(`/api/flags/by-pilot?pageSize=200&page=${page}`).expect(200)).body;
      all.push(...body.items);
      if (all.length >= body.total) return all;
    }
  };
  // The whole queue: a pack freezes all of it, the page shows it 25 at a time.
  const queueNow = async (): Promise<ScaleQueueItem[]> => (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
  const makePack = async (title: string): Promise<Pack> => (await t.http.post('/api/packs').send({ title }).expect(201)).body;

  /** A young, sponsored pilot whose last three updates report the same blocker: stuck by that alone. */
  async function pilotStuckOnOneBlocker(): Promise<{ pilot: Pilot; leadId: string }> {
    const unit = (await t.http.post('/api/business-units').send({ name: `Packs unit ${Date.now()}` }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', unit.id);
    const sponsor = await createPerson(t, 'executive', unit.id);
    const started = new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10);
    const pilot = await createPilot(t, { businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor.id, stage: 'piloting', startDate: started, stageEnteredAt: started });
    for (const n of [3, 2, 1]) {
      await postUpdate(t, pilot.id, updateBody(lead.id, { week: addIsoWeeks(thisWeek, -n), blockers: [{ text: 'Waiting on the security review of the vendor', category: 'security_compliance' }] }));
    }
    return { pilot, leadId: lead.id };
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
  }, 180_000);
  afterAll(() => t.close());

  it('freezes the overview, the whole stuck list with evidence, the scale queue and the last 90 days of decisions', async () => {
    resolvable = await pilotStuckOnOneBlocker();
    first = await makePack('Committee, first meeting');
    expect(first).toMatchObject({ title: 'Committee, first meeting', previousPackId: null, comparison: null, previousMadeAt: null });
    expect(first.madeBy.id).toBeTruthy();
    const { snapshot } = first;
    expect(snapshot.overview).toEqual((await t.http.get('/api/portfolio/overview').expect(200)).body);
    expect(snapshot.stuck).toEqual(await stuckNow());
    expect(snapshot.stuck.some((s) => s.pilotId === resolvable.pilot.id && s.flags.some((f) => f.kind === 'repeated_blocker' && Object.keys(f.evidence).length > 0))).toBe(true);
    expect(snapshot.scaleQueue).toEqual(await queueNow());
    expect(snapshot.scaleQueue.length).toBeGreaterThan(0);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM decisions WHERE decided_at > now() - interval '90 days'`);
    expect(snapshot.decisions).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    expect(new Date(snapshot.since).getTime()).toBeCloseTo(new Date(first.madeAt).getTime() - 90 * 86_400_000, -4);
    expect(snapshot.pilots).toHaveLength(snapshot.overview.tiles.pilots);
    expect(first).toMatchObject({ pilots: snapshot.overview.tiles.pilots, stuckPilots: snapshot.stuck.length, inScaleQueue: snapshot.scaleQueue.length, decisions: count });
  });

  it('compares the next pack with this one: scaled, killed, new stuck, resolved stuck, joined the scale queue', async () => {
    const queued = first.snapshot.scaleQueue.find((q) => q.recommendation === 'scale' && !first.snapshot.stuck.some((s) => s.pilotId === q.pilotId)) ?? first.snapshot.scaleQueue[0];
    const scale: DecisionView = (await t.http.post(`/api/pilots/${queued.pilotId}/decisions`).send({ kind: 'scale', rationale: 'Ready for the whole unit', nextReviewDate: inAMonth() }).expect(201)).body;
    const doomed = first.snapshot.stuck.find((s) => s.stage === 'piloting' && s.pilotId !== queued.pilotId && s.pilotId !== resolvable.pilot.id)!;
    const kill: DecisionView = (await t.http.post(`/api/pilots/${doomed.pilotId}/decisions`).send({ kind: 'kill', rationale: 'No way to integrate this year' }).expect(201)).body;
    const newlyStuck = await pilotStuckOnOneBlocker();
    const [blocker] = (await t.http.get(`/api/pilots/${resolvable.pilot.id}/blockers?status=open`).expect(200)).body as Blocker[];
    await t.http.post(`/api/blockers/${blocker.id}/resolve`).send({ version: blocker.version }).expect(200);
    // A lower bar for the queue lets pilots in that were not there at the first pack.
    const settings: AnalysisSettings = (await t.http.get('/api/settings').expect(200)).body;
    await t.http.patch('/api/settings').send({ version: settings.version, thresholds: { scaleReadinessMin: Math.max(0, settings.thresholds.scaleReadinessMin - 25) } }).expect(200);

    const [stuckLive, queueLive] = [await stuckNow(), await queueNow()];
    const second = await makePack('Committee, second meeting');
    expect(second.previousPackId).toBe(first.id);
    expect(second.previousMadeAt).toBe(first.madeAt);
    expect(second.snapshot.since).toBe(first.madeAt);
    expect(second.snapshot.decisions.map((d) => d.id)).toEqual([scale.id, kill.id]);
    expect(second.snapshot.stageChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pilotId: queued.pilotId, fromStage: 'piloting', toStage: 'scaling' }),
        expect.objectContaining({ pilotId: doomed.pilotId, fromStage: 'piloting', toStage: 'killed' }),
      ]),
    );
    expect(second.snapshot.stageChanges).toHaveLength(2);
    expect(ids(second.snapshot.stuck)).toEqual(ids(stuckLive));
    expect(ids(second.snapshot.scaleQueue)).toEqual(ids(queueLive));

    const comparison = second.comparison!;
    expect(comparison.scaled).toEqual([{ pilotId: queued.pilotId, pilotName: queued.pilotName }]);
    expect(comparison.killed).toEqual([{ pilotId: doomed.pilotId, pilotName: doomed.pilotName }]);
    expect(comparison.pivoted).toEqual([]);
    const before = new Set(ids(first.snapshot.stuck));
    const after = new Set(ids(stuckLive));
    expect(ids(comparison.newStuck)).toEqual(ids(stuckLive).filter((id) => !before.has(id)));
    expect(ids(comparison.newStuck)).toContain(newlyStuck.pilot.id);
    expect(ids(comparison.resolvedStuck)).toEqual([...before].filter((id) => !after.has(id) && id !== doomed.pilotId).sort());
    expect(ids(comparison.resolvedStuck)).toContain(resolvable.pilot.id);
    expect(ids(comparison.resolvedStuck)).not.toContain(doomed.pilotId);
    const queuedBefore = new Set(ids(first.snapshot.scaleQueue));
    expect(ids(comparison.enteredScaleQueue)).toEqual(ids(queueLive).filter((id) => !queuedBefore.has(id)));
    expect(comparison.enteredScaleQueue.length).toBeGreaterThan(0);

    // Packs by date, newest first; the first pack still reads exactly as it was made.
    const list: Page<PackSummary> = (await t.http.get('/api/packs').expect(200)).body;
    expect(list.items.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(list.total).toBe(2);
    expect((await t.http.get(`/api/packs/${first.id}`).expect(200)).body).toEqual(first);
  });

  it('never changes: the database refuses UPDATE, DELETE and TRUNCATE, and the API has no route to edit or remove one', async () => {
    const packs = await countRows(t.dataSource, 'packs');
    expect(packs).toBeGreaterThan(0);
    const statements = [
      [`UPDATE packs SET title = 'Rewritten' WHERE id = $1`, [first.id]],
      [`UPDATE packs SET snapshot = jsonb_set(snapshot, '{stuck}', '[]') WHERE id = $1`, [first.id]],
      [`DELETE FROM packs WHERE id = $1`, [first.id]],
      ['TRUNCATE packs', []],
    ] as const;
    for (const [sql, params] of statements) {
      await expect(t.dataSource.query(sql, [...params])).rejects.toThrow(/packs is append-only/);
    }
    // Reaching packs through the people who made them: refused too (by whichever append-only table it reaches first).
    await expect(t.dataSource.query('TRUNCATE people CASCADE')).rejects.toThrow(/is append-only/);
    expect(await countRows(t.dataSource, 'packs')).toBe(packs);
    expect((await t.http.get(`/api/packs/${first.id}`).expect(200)).body).toEqual(first);
    await t.http.patch(`/api/packs/${first.id}`).send({ title: 'Rewritten' }).expect(404);
    await t.http.delete(`/api/packs/${first.id}`).expect(404);
  });

  it('lets only the program office make packs, and the program office and executives read them', async () => {
    const packs = await countRows(t.dataSource, 'packs');
    for (const role of ['executive', 'pilot_lead', 'viewer'] as const) {
      const as = await t.as(role);
      await as.post('/api/packs').send({ title: 'Not mine to make' }).expect(403);
      await as.get('/api/packs').expect(role === 'executive' ? 200 : 403);
      await as.get(`/api/packs/${first.id}`).expect(role === 'executive' ? 200 : 403);
    }
    await t.anonymous.post('/api/packs').send({ title: 'Nobody' }).expect(401);
    await t.anonymous.get('/api/packs').expect(401);
    expect(await countRows(t.dataSource, 'packs')).toBe(packs);
  });

  it('answers a bad request with a 4xx naming the field, making nothing', async () => {
    const packs = await countRows(t.dataSource, 'packs');
    for (const body of [{}, { title: '' }, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 42 }, { title: null }, { title: 'ok', snapshot: {} }]) {
      const res = await t.http.post('/api/packs').send(body).expect(400);
      expect(fieldsOf(res).length).toBeGreaterThan(0);
      expect(fieldsOf(res).every((f) => ['title', 'snapshot'].includes(f))).toBe(true);
    }
    await t.http.get(`/api/packs/${UNKNOWN_ID}`).expect(404);
    expect(fieldsOf(await t.http.get('/api/packs/not-a-uuid').expect(400))).toEqual(['id']);
    expect(fieldsOf(await t.http.get('/api/packs?pageSize=1000').expect(400))).toEqual(['pageSize']);
    expect(await countRows(t.dataSource, 'packs')).toBe(packs);
  });

  it('keeps one chain when packs are made at the same moment', async () => {
    const made: Pack[] = (await Promise.all([1, 2, 3].map((n) => t.http.post('/api/packs').send({ title: `Same moment ${n}` })))).map((res) => {
      expect(res.status).toBe(201);
      return res.body;
    });
    const chain: { id: string; number: number; previous_pack_id: string | null }[] = await t.dataSource.query(`SELECT id, number, previous_pack_id FROM packs ORDER BY number`);
    expect(chain.map((p) => p.number)).toEqual(chain.map((_, i) => i + 1));
    expect(chain.map((p) => p.previous_pack_id)).toEqual([null, ...chain.slice(0, -1).map((p) => p.id)]);
    for (const pack of made) expect(chain.some((p) => p.id === pack.id)).toBe(true);
  });
});

