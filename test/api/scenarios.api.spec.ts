import { addIsoWeeks, isoWeekOf, type Blocker, type CreateWeeklyUpdateRequest, type Pilot, type PilotDiagnosis, type ScaleQueueItem, type WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPerson, createPilot, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The verdicts a program office must be able to believe, one story each, built through the API as
 * people would enter them (histories backdated through past weeks and the stage clock).
 */
describe('scenarios: what Liftoff concludes from a pilot\'s history', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  const thisWeek = isoWeekOf(new Date());
  const weeksAgo = (n: number) => addIsoWeeks(thisWeek, -n);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const ALL = ['executive_sponsorship', 'integration_readiness', 'adoption_readiness', 'workflow_redesign', 'measurement', 'use_case_viability'] as const;
  const assess = (pilotId: string, answers: Partial<Record<(typeof ALL)[number], string>> = {}) =>
    t.http.post(`/api/pilots/${pilotId}/assessments`).send({ answers: Object.fromEntries(ALL.map((k) => [k, { answer: answers[k] ?? 'pass' }])) }).expect(201);
  const diagnosis = async (pilotId: string) => (await t.http.get(`/api/pilots/${pilotId}/diagnosis`).expect(200)).body as PilotDiagnosis;
  const flagKinds = async (pilotId: string) => (await diagnosis(pilotId)).openFlags.map((f) => f.kind).sort();

  interface Story {
    pilot?: Record<string, unknown>;
    weeks: number;
    update?: (weeksBack: number) => Partial<CreateWeeklyUpdateRequest>;
    /** KPI readings by weeks back (lower is better, baseline 12, target 8). */
    reading?: (weeksBack: number) => number;
    assessment?: Partial<Record<(typeof ALL)[number], string>> | null;
  }

  /** A pilot with `weeks` weekly updates ending this week, a handling-time KPI and an assessment. */
  async function story({ pilot: fields = {}, weeks, update = () => ({}), reading, assessment = {} }: Story): Promise<Pilot> {
    const pilot = await createPilot(t, {
      businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', complexity: 'typical',
      startDate: daysAgo(weeks * 7 + 14), stageEnteredAt: daysAgo(weeks * 7 + 7), integrationSystems: ['CRM'],
      annualValueAtScale: 600000, costToScale: 120000, ...fields,
    });
    const kpi = await createKpi(t, pilot.id, { name: 'Handling time', baseline: 12, target: 8, direction: 'lower_is_better' });
    if (assessment) await assess(pilot.id, assessment);
    for (let back = weeks - 1; back >= 0; back -= 1) {
      await postUpdate(t, pilot.id, updateBody(base.lead.id, {
        week: weeksAgo(back), health: 'on_track', confidence: 4, activeUsers: 120, activeUsersOutsideTeam: 60,
        kpiReadings: reading ? [{ kpiId: kpi.id, value: reading(back) }] : [],
        ...update(back),
      }));
    }
    return pilot;
  }

  /** Handling time falling from 11 to 7.5 minutes, at target for the last three weeks. */
  const improving = (weeks: number) => (back: number) => (back < 3 ? 7.5 : 11 - ((weeks - back) * 3) / weeks);

  it('textbook pilot: six tests pass, KPI at target, adoption beyond the team, no barrier -> scale, with no flag', async () => {
    const pilot = await story({ weeks: 8, reading: improving(8) });
    const result = await diagnosis(pilot.id);
    expect(result.openFlags).toEqual([]);
    expect(result.recommendation.action).toBe('scale');
  });

  it('green updates for five months with the stage never moving -> busy, not progressing; not scale', async () => {
    const pilot = await story({ weeks: 22, reading: () => 12, pilot: { stageEnteredAt: daysAgo(155) } });
    const result = await diagnosis(pilot.id);
    expect(result.openFlags.map((f) => f.kind)).toContain('busy_not_progressing');
    expect(result.recommendation.action).not.toBe('scale');
  });

  it('only the sponsor missing -> keep piloting, sponsor first, and not ready in the scale queue', async () => {
    // Leadership keeps asking when it will scale, so it is listed in the queue: marked blocked, not ready.
    const pilot = await story({ weeks: 8, reading: improving(8), pilot: { sponsorId: null }, assessment: { executive_sponsorship: 'fail' }, update: () => ({ scaleQuestionAsked: true }) });
    const { recommendation } = await diagnosis(pilot.id);
    expect(recommendation.action).toBe('keep_piloting');
    expect(recommendation.bindingConstraint).toBe('missing_executive_sponsor');
    expect(recommendation.readinessScore).toBeLessThan((await t.http.get('/api/settings').expect(200)).body.thresholds.scaleReadinessMin);
    const items: ScaleQueueItem[] = (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    const row = items.find((item) => item.pilotId === pilot.id);
    expect(row?.blockedReason).toMatch(/sponsor/i);
  });

  it('no sponsor and enthusiast-only adoption -> the sponsor comes first, not a pivot', async () => {
    const pilot = await story({ weeks: 8, reading: improving(8), pilot: { sponsorId: null }, update: () => ({ activeUsers: 25, activeUsersOutsideTeam: 0 }) });
    const { recommendation } = await diagnosis(pilot.id);
    expect(recommendation.action).toBe('keep_piloting');
    expect(recommendation.bindingConstraint).toBe('missing_executive_sponsor');
  });

  it('high value, adoption only among enthusiasts -> keep piloting with change management, not pivot', async () => {
    const pilot = await story({
      weeks: 8, reading: improving(8), pilot: { annualValueAtScale: 2_000_000, costToScale: 200_000 },
      update: () => ({ activeUsers: 30, activeUsersOutsideTeam: 1 }), assessment: { adoption_readiness: 'partial' },
    });
    const { recommendation } = await diagnosis(pilot.id);
    expect(recommendation.action).toBe('keep_piloting');
    expect(recommendation.bindingConstraint).toBe('enthusiast_only_adoption');
    expect(recommendation.reasons.join(' ').toLowerCase()).toMatch(/change management|change-management/);
  });

  it('value 50k a year against 400k to scale -> kill, from the data alone', async () => {
    const pilot = await story({ weeks: 8, reading: improving(8), pilot: { annualValueAtScale: 50_000, costToScale: 400_000 } });
    expect((await diagnosis(pilot.id)).recommendation.action).toBe('kill');
  });

  it('a new pilot with two updates -> no flags', async () => {
    const pilot = await story({ weeks: 2, reading: () => 11.5, pilot: { startDate: daysAgo(10), stageEnteredAt: daysAgo(10) }, assessment: null });
    expect(await flagKinds(pilot.id)).toEqual([]);
  });

  it('resolving a blocker in the update that reports it gone closes its flag in that response', async () => {
    const pilot = await story({ weeks: 3, reading: improving(3), update: () => ({ blockers: [{ text: 'Waiting on the CRM sandbox from IT', category: 'integration' }] }) });
    expect(await flagKinds(pilot.id)).toContain('repeated_blocker');
    const [blocker] = (await t.http.get(`/api/pilots/${pilot.id}/blockers?status=open`).expect(200)).body as Blocker[];
    const latest = ((await t.http.get(`/api/pilots/${pilot.id}/updates`).expect(200)).body.items as WeeklyUpdate[])[0];
    const res = await t.http.patch(`/api/updates/${latest.id}`).send({ version: latest.version, blockers: [], resolvedBlockers: [{ blockerId: blocker.id, note: 'Sandbox delivered' }] }).expect(200);
    expect((res.body as WeeklyUpdate).analysis!.openFlags.map((f) => f.kind)).not.toContain('repeated_blocker');
  });

  it('pause -> no activity flags while paused; resume -> the stage clock continues from before the pause', async () => {
    const pilot = await story({ weeks: 5, reading: () => 12, update: () => ({ health: 'off_track', confidence: 2 }), pilot: { stageEnteredAt: daysAgo(200) } });
    expect(await flagKinds(pilot.id)).toEqual(expect.arrayContaining(['off_track_streak', 'stalled_stage']));
    const version = async () => ((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body as Pilot).version;
    const paused = await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ version: await version(), stage: 'paused', note: 'Waiting for the new budget year' }).expect(200);
    expect(paused.body.stage).toBe('paused');
    const whilePaused = await flagKinds(pilot.id);
    for (const kind of ['off_track_streak', 'silent', 'confidence_decline', 'busy_not_progressing', 'stalled_stage']) expect(whilePaused).not.toContain(kind);
    expect((await diagnosis(pilot.id)).recommendation.action).not.toBe('scale');
    await t.http.post(`/api/pilots/${pilot.id}/stage`).send({ version: await version(), stage: 'piloting', note: 'Budget approved' }).expect(200);
    const stalled = (await diagnosis(pilot.id)).openFlags.find((f) => f.kind === 'stalled_stage');
    expect(stalled).toBeDefined(); // had resuming restarted the clock, the pilot would look freshly started
  });

  it('a threshold changed and restored -> flags re-evaluated; those still firing keep their id and opening date', async () => {
    const pilot = await story({ weeks: 5, reading: () => 12, update: () => ({ health: 'off_track', confidence: 2 }) });
    const streak = () => t.dataSource.query(`SELECT id, opened_at FROM signal_flags WHERE pilot_id = $1 AND kind = 'off_track_streak' AND status = 'open'`, [pilot.id]);
    const [before] = await streak();
    expect(before).toBeDefined();
    const settings = async () => (await t.http.get('/api/settings').expect(200)).body;
    await t.http.patch('/api/settings').send({ version: (await settings()).version, thresholds: { offTrackStreakUpdates: 8 } }).expect(200);
    expect(await streak()).toEqual([]);
    await t.http.patch('/api/settings').send({ version: (await settings()).version, thresholds: { offTrackStreakUpdates: 4 } }).expect(200);
    expect(await streak()).toEqual([before]);
  });

  it('a second sponsor named for an orphan pilot changes its verdict at once', async () => {
    const pilot = await story({ weeks: 8, reading: improving(8), pilot: { sponsorId: null } });
    const sponsor = await createPerson(t, 'executive', base.unit.id);
    const current = (await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body as Pilot;
    await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: current.version, sponsorId: sponsor.id }).expect(200);
    expect((await diagnosis(pilot.id)).recommendation.bindingConstraint).not.toBe('missing_executive_sponsor');
  });
});
