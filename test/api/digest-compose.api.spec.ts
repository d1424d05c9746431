import { isoWeekOf, type AnalysisSettings, type DigestPreview, type DigestSettings, type Person, type Pilot, type PortfolioDigest } from '@liftoff/shared';
import { DigestService } from '../../server/src/digest/digest.service';
import { createPerson, createPilot, fieldsOf, postUpdate, updateBody } from './support/fixtures';
import { countRows, startTestApp, type Http, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const ago = (days: number) => new Date(Date.now() - days * DAY);
const names = (lines: { pilot: { name: string } }[]) => lines.map((line) => line.pilot.name);

/**
 * The digest's content from a portfolio built through the API, with the stuck signs placed in and
 * out of the period by hand (the analysis would date them all today).
 */
describe('weekly digest: composition, preview and settings', () => {
  let t: TestApp;
  let exec: Person;
  let otherExec: Person;
  let execHttp: Http;
  const pilots: Record<string, Pilot> = {};
  // Set once the portfolio is written, so a run that crosses midnight UTC still finds its writes in the period.
  const period = { from: '', to: '', timeZone: 'UTC' };
  let decidedOn = '';

  const addFlag = (pilot: string, kind: string, openedDaysAgo: number, resolvedDaysAgo: number | null, summary = `${kind} on ${pilot}`) =>
    t.dataSource.query(
      `INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, opened_at, last_seen_at, resolved_at, resolution)
       VALUES ($1, $2, '', $3, $4, $5, $5, $6, $7)`,
      [pilots[pilot].id, kind, resolvedDaysAgo === null ? 'open' : 'resolved', summary, ago(openedDaysAgo), resolvedDaysAgo === null ? null : ago(resolvedDaysAgo), resolvedDaysAgo === null ? null : 'condition_cleared'],
    );

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://liftoff.example.com' });
    const unit = (await t.http.post('/api/business-units').send({ name: 'Digest unit' }).expect(201)).body;
    const lead = await createPerson(t, 'pilot_lead', unit.id);
    exec = await createPerson(t, 'executive', unit.id);
    otherExec = await createPerson(t, 'executive', unit.id);
    const make = async (key: string, name: string, sponsorId: string | null, stage = 'piloting') => {
      pilots[key] = await createPilot(t, { name, businessUnitId: unit.id, leadId: lead.id, sponsorId, stage, startDate: day(-40), stageEnteredAt: day(-40) });
    };
    // Own pilots sort after the others by name, so "own first" is not the alphabet's doing.
    await make('ownStuck', 'Zeta claims triage', exec.id);
    await make('ownDecided', 'Yotta contract review', exec.id);
    await make('otherStuck', 'Alpha invoice matching', otherExec.id);
    await make('oldStuck', 'Beta forecasting', otherExec.id);
    await make('unstuck', 'Gamma routing', otherExec.id);
    await make('stillStuck', 'Delta summaries', otherExec.id);
    await make('blip', 'Epsilon search', otherExec.id);
    await make('silent', 'Eta transcription', otherExec.id);
    await make('overdue', 'Theta onboarding', otherExec.id);
    await make('proposed', 'Iota idea', otherExec.id, 'proposed');
    await postUpdate(t, pilots.ownStuck.id, updateBody(lead.id, { week: isoWeekOf(new Date()), health: 'at_risk' }));
    execHttp = await t.as('executive', exec as never);
    const decision = await execHttp.post(`/api/pilots/${pilots.ownDecided.id}/decisions`).send({ kind: 'continue', rationale: 'Two more months on the second team', nextReviewDate: day(40) }).expect(201);
    decidedOn = String(decision.body.decidedAt).slice(0, 10);
    // Every piloting pilot enters the scale queue now; one of them is dated back out of the period.
    const settings: AnalysisSettings = (await t.http.get('/api/settings').expect(200)).body;
    await t.http.patch('/api/settings').send({ version: settings.version, thresholds: { scaleReadinessMin: 0 } }).expect(200);
    await t.dataSource.query(`UPDATE pilot_diagnoses SET scale_queue_since = $2 WHERE pilot_id = $1`, [pilots.oldStuck.id, ago(20)]);
    // A review set by an earlier decision came and went (decisions are append-only: written as recorded then).
    await t.dataSource.query(
      `INSERT INTO decisions (pilot_id, kind, rationale, decided_by_id, decided_at, next_review_date, snapshot, recommended_action, followed_recommendation)
       VALUES ($1, 'continue', 'Look again in a month', $2, $3, $4, '{"flags":[],"patterns":[],"recommendation":null}', NULL, false)`,
      [pilots.overdue.id, otherExec.id, ago(40), day(-5)],
    );
    // The stuck signs, placed by hand in and out of the period.
    await t.dataSource.query('DELETE FROM signal_flags');
    await addFlag('ownStuck', 'repeated_blocker', 2, null, 'The same blocker for three weeks');
    await addFlag('otherStuck', 'off_track_streak', 3, null);
    await addFlag('oldStuck', 'stalled_stage', 20, null);
    await addFlag('unstuck', 'stalled_stage', 20, 2);
    await addFlag('stillStuck', 'stalled_stage', 20, 2);
    await addFlag('stillStuck', 'confidence_decline', 20, null);
    await addFlag('blip', 'off_track_streak', 3, 1);
    await addFlag('silent', 'silent', 20, null, 'No update for 20 days');
    Object.assign(period, { from: day(-6), to: day(0) });
  }, 120_000);
  afterAll(() => t.close());

  const compose = (recipient: Person | null) =>
    t.app.get(DigestService).compose(recipient ? { id: recipient.id, name: recipient.name, timeZone: 'UTC' } : null, period);

  it('lists what happened in the period, section by section, with links into the dashboard', async () => {
    const digest: PortfolioDigest = await compose(null);
    expect(digest).toMatchObject({ recipient: null, from: period.from, to: period.to, activePilots: 10, updatesPosted: 1, dashboardUrl: 'https://liftoff.example.com/' });
    // Opened in the period and still open; not the one from 20 days ago, not the one that opened and closed.
    expect(names(digest.newlyStuck)).toEqual(['Alpha invoice matching', 'Zeta claims triage']);
    const own = digest.newlyStuck.find((line) => line.pilot.id === pilots.ownStuck.id)!;
    expect(own).toEqual({
      pilot: { id: pilots.ownStuck.id, name: 'Zeta claims triage', stage: 'piloting', businessUnitId: pilots.ownStuck.businessUnitId },
      health: 'at_risk',
      stuckSigns: ['The same blocker for three weeks'],
      recommendedAction: expect.any(String),
      url: `https://liftoff.example.com/pilots/${pilots.ownStuck.id}`,
      own: false,
    });
    // Every sign resolved in the period: not the pilot with one still open.
    expect(names(digest.unstuck)).toEqual(['Epsilon search', 'Gamma routing']);
    expect(names(digest.enteredScaleQueue)).toEqual(
      ['Alpha invoice matching', 'Delta summaries', 'Epsilon search', 'Eta transcription', 'Gamma routing', 'Theta onboarding', 'Yotta contract review', 'Zeta claims triage'],
    );
    expect(digest.decisions.map((d) => [d.pilot.name, d.decision.kind, d.decision.decidedBy.id])).toEqual([['Yotta contract review', 'continue', exec.id]]);
    expect(digest.decisions[0].url).toBe(`https://liftoff.example.com/pilots/${pilots.ownDecided.id}`);
    expect(names(digest.reviewsOverdue)).toEqual(['Theta onboarding']);
    expect(digest.silent.map((line) => [line.pilot.name, line.stuckSigns])).toEqual([['Eta transcription', ['No update for 20 days']]]);
  });

  it('puts an executive’s own pilots first and marks them', async () => {
    const forExec = await compose(exec);
    expect(forExec.recipient).toEqual({ id: exec.id, name: exec.name });
    expect(forExec.newlyStuck.map((line) => [line.pilot.name, line.own])).toEqual([['Zeta claims triage', true], ['Alpha invoice matching', false]]);
    expect(forExec.enteredScaleQueue.slice(0, 2).map((line) => [line.pilot.name, line.own])).toEqual([['Yotta contract review', true], ['Zeta claims triage', true]]);
    expect(forExec.enteredScaleQueue.slice(2).every((line) => !line.own)).toBe(true);
    expect(forExec.decisions.map((d) => d.own)).toEqual([true]);
    const forOther = await compose(otherExec);
    expect(forOther.newlyStuck.map((line) => [line.pilot.name, line.own])).toEqual([['Alpha invoice matching', true], ['Zeta claims triage', false]]);
  });

  it('records when a pilot leaves the scale queue, and when it enters again', async () => {
    const marked = async () => (await t.dataSource.query(`SELECT pilot_id FROM pilot_diagnoses WHERE scale_queue_since IS NOT NULL ORDER BY pilot_id`)).map((row: { pilot_id: string }) => row.pilot_id);
    const queue = async () => (await t.http.get('/api/scale-queue?pageSize=100').expect(200)).body.items.map((item: { pilotId: string }) => item.pilotId).sort();
    const setMin = async (scaleReadinessMin: number) => {
      const settings: AnalysisSettings = (await t.http.get('/api/settings').expect(200)).body;
      await t.http.patch('/api/settings').send({ version: settings.version, thresholds: { scaleReadinessMin } }).expect(200);
    };
    expect((await marked()).length).toBe(9); // every piloting pilot, not the proposed one
    await setMin(100);
    expect(await marked()).toEqual(await queue());
    expect((await marked()).length).toBeLessThan(9);
    const before = Date.now();
    await setMin(0);
    expect(await marked()).toEqual(await queue());
    const [row] = await t.dataSource.query(`SELECT scale_queue_since FROM pilot_diagnoses WHERE pilot_id = $1`, [pilots.oldStuck.id]);
    expect(new Date(row.scale_queue_since).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('previews the digest for the signed-in program office or executive', async () => {
    const preview: DigestPreview = (await execHttp.get('/api/digest/preview').expect(200)).body;
    expect(preview.timeZone).toBe('UTC');
    // The seven days before today: the decision recorded today is not in it yet (it is once midnight has passed).
    expect(preview.digest).toMatchObject({ recipient: { id: exec.id }, from: day(-7), to: day(-1) });
    expect(names(preview.digest.decisions)).toEqual(decidedOn <= preview.digest.to ? ['Yotta contract review'] : []);
    expect(preview.digest.newlyStuck.map((line) => [line.pilot.name, line.own])).toEqual([['Zeta claims triage', true], ['Alpha invoice matching', false]]);
    const asOffice: DigestPreview = (await t.http.get('/api/digest/preview').expect(200)).body;
    expect(asOffice.digest.newlyStuck.every((line) => !line.own)).toBe(true);
    await (await t.as('pilot_lead')).get('/api/digest/preview').expect(403);
    await (await t.as('viewer')).get('/api/digest/preview').expect(403);
  });

  it('keeps the weekday and hour, refuses bad values naming the field, and a stale version', async () => {
    const settings: DigestSettings = (await t.http.get('/api/settings/digest').expect(200)).body;
    expect(settings).toMatchObject({ enabled: true, weekday: 1, hour: 8 });
    for (const [body, field] of [
      [{ weekday: 8 }, 'weekday'],
      [{ weekday: 0 }, 'weekday'],
      [{ hour: 24 }, 'hour'],
      [{ hour: 7.5 }, 'hour'],
      [{ enabled: 'yes' }, 'enabled'],
      [{ enabled: null }, 'enabled'],
      [{}, 'version'],
    ] as const) {
      const res = await t.http.patch('/api/settings/digest').send({ version: settings.version, ...body, ...(field === 'version' ? { version: 'x' } : {}) }).expect(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    expect((await t.http.get('/api/settings/digest').expect(200)).body).toEqual(settings);
    const saved: DigestSettings = (await t.http.patch('/api/settings/digest').send({ version: settings.version, weekday: 5, hour: 16, enabled: false }).expect(200)).body;
    expect(saved).toMatchObject({ enabled: false, weekday: 5, hour: 16, version: settings.version + 1 });
    const stale = await t.http.patch('/api/settings/digest').send({ version: settings.version, hour: 9 }).expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
    expect((await t.http.get('/api/settings/digest').expect(200)).body).toMatchObject({ hour: 16 });
    await execHttp.patch('/api/settings/digest').send({ version: saved.version, hour: 9 }).expect(403);
    expect(await countRows(t.dataSource, 'digests_sent')).toBe(0);
  });
});
