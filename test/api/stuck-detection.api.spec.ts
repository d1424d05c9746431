import { addIsoWeeks, isoWeekOf, isoWeekStart, type SignalFlag, type WeeklyUpdate } from '@liftoff/shared';
import { createBasicPortfolio, updateBody, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

/** Weeks relative to now, so the blocker is never old enough to fire on age alone. */
const weeksAgo = (n: number) => addIsoWeeks(isoWeekOf(new Date()), -n);

const ALL_PASS = {
  executive_sponsorship: { answer: 'pass' },
  integration_readiness: { answer: 'pass' },
  adoption_readiness: { answer: 'pass' },
  workflow_redesign: { answer: 'pass' },
  measurement: { answer: 'pass' },
  use_case_viability: { answer: 'pass' },
};

describe('stuck detection on writes', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const post = async (week: string, blockers: object[]): Promise<WeeklyUpdate> =>
    (await t.http.post(`/api/pilots/${base.pilot.id}/updates`).send(updateBody(base.lead.id, { week, blockers })).expect(201)).body;

  it('opens a repeated-blocker flag on the third consecutive report, rewording included, and says so in the response', async () => {
    const first = await post(weeksAgo(3), [{ text: 'Waiting on IT security review', category: 'security_compliance' }]);
    expect(first.analysis?.newFlags.filter((f) => f.kind === 'repeated_blocker')).toEqual([]);
    const blockerId = first.blockers[0].id;
    const second = await post(weeksAgo(2), [{ blockerId }]);
    expect(second.analysis?.openFlags.some((f) => f.kind === 'repeated_blocker')).toBe(false);
    const third = await post(weeksAgo(1), [{ text: 'Security review by IT still pending' }]);
    expect(third.blockers.map((b) => b.id)).toEqual([blockerId]);
    const flag = third.analysis!.newFlags.find((f) => f.kind === 'repeated_blocker') as SignalFlag;
    expect(flag).toMatchObject({ status: 'open', subjectKey: blockerId, pilotId: base.pilot.id });
    expect(flag.summary).toMatch(/3 consecutive updates/);
    // The condition began with the first of the three reports, not when the flag was opened.
    expect(flag.conditionSince).toBe(isoWeekStart(weeksAgo(3)).toISOString().slice(0, 10));
    expect(flag.openedAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));

    const listed = await t.http.get(`/api/flags?kind=repeated_blocker&pilotId=${base.pilot.id}`).expect(200);
    expect(listed.body.items.map((f: SignalFlag) => [f.id, f.conditionSince])).toEqual([[flag.id, flag.conditionSince]]);

    // A late report of an earlier week lengthens the streak: the same flag now dates from that week.
    await post(weeksAgo(4), [{ blockerId }]);
    const refreshed = (await t.http.get(`/api/flags?kind=repeated_blocker&pilotId=${base.pilot.id}`).expect(200)).body.items as SignalFlag[];
    expect(refreshed.map((f) => [f.id, f.conditionSince, f.openedAt])).toEqual([[flag.id, isoWeekStart(weeksAgo(4)).toISOString().slice(0, 10), flag.openedAt]]);
  });

  it('resolves the flag when the blocker is resolved and keeps it in the history', async () => {
    const [blocker] = (await t.http.get(`/api/pilots/${base.pilot.id}/blockers?status=open`).expect(200)).body;
    await t.http.post(`/api/blockers/${blocker.id}/resolve`).send({ version: blocker.version }).expect(200);
    const next = await post(weeksAgo(0), []);
    expect(next.analysis?.openFlags.some((f) => f.kind === 'repeated_blocker')).toBe(false);
    const history: SignalFlag[] = (await t.http.get(`/api/pilots/${base.pilot.id}/flags`).expect(200)).body;
    const resolved = history.find((f) => f.kind === 'repeated_blocker');
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
  });

  it('records assessments, re-diagnoses, and keeps the history newest first', async () => {
    const first = await t.http.post(`/api/pilots/${base.pilot.id}/assessments`).send({ answers: ALL_PASS }).expect(201);
    expect(first.body.analysis.openFlags).toEqual(expect.any(Array));
    await t.http
      .post(`/api/pilots/${base.pilot.id}/assessments`)
      .send({ answers: { ...ALL_PASS, workflow_redesign: { answer: 'fail', note: 'Reviewers still re-key every case' } } })
      .expect(201);
    const list = (await t.http.get(`/api/pilots/${base.pilot.id}/assessments`).expect(200)).body;
    expect(list).toHaveLength(2);
    expect(list[0].answers.workflow_redesign).toEqual({ answer: 'fail', note: 'Reviewers still re-key every case' });
    const diagnosis = (await t.http.get(`/api/pilots/${base.pilot.id}/diagnosis`).expect(200)).body;
    expect(diagnosis.latestAssessment.id).toBe(list[0].id);
    expect(diagnosis.previousAssessment.id).toBe(list[1].id);
    const workflow = diagnosis.patterns.find((p: { pattern: string }) => p.pattern === 'workflow_unchanged');
    expect(workflow.guidance.length).toBeGreaterThanOrEqual(3);
    expect(diagnosis.recommendation.action).not.toBe('scale');
  });

  it.each([
    [{ answers: { ...ALL_PASS, measurement: undefined } }, 'answers.measurement'],
    [{ answers: { ...ALL_PASS, measurement: { answer: 'maybe' } } }, 'answers.measurement.answer'],
    [{ answers: ALL_PASS, extra: 1 }, 'extra'],
  ])('rejects a bad assessment %j naming %s', async (body, field) => {
    const before = await countRows(t.dataSource, 'readiness_assessments');
    const res = await t.http.post(`/api/pilots/${base.pilot.id}/assessments`).send(body).expect(400);
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t.dataSource, 'readiness_assessments')).toBe(before);
  });

  it('lets the program office tune thresholds, with validation and optimistic locking', async () => {
    const settings = (await t.http.get('/api/settings').expect(200)).body;
    expect(settings.thresholds.repeatedBlockerConsecutiveUpdates).toBe(3);
    const bad = await t.http.patch('/api/settings').send({ thresholds: { silentDays: 0, nonsense: 1 }, version: settings.version }).expect(400);
    expect(bad.body.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['thresholds.nonsense', 'thresholds.silentDays']);
    const changed = await t.http.patch('/api/settings').send({ thresholds: { silentDays: 21 }, version: settings.version }).expect(200);
    expect(changed.body.thresholds).toMatchObject({ silentDays: 21, repeatedBlockerConsecutiveUpdates: 3 });
    await t.http.patch('/api/settings').send({ thresholds: { silentDays: 7 }, version: settings.version }).expect(409);
    expect((await t.http.get('/api/settings').expect(200)).body.thresholds.silentDays).toBe(21);
  });

  it('serves intervention guidance for all six patterns', async () => {
    const guidance = (await t.http.get('/api/patterns/guidance').expect(200)).body;
    expect(guidance.map((g: { pattern: string }) => g.pattern)).toHaveLength(6);
    for (const g of guidance) expect(g.steps.length).toBeGreaterThanOrEqual(3);
  });
});
