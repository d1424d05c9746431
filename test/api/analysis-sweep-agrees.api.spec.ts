import { addIsoWeeks, isoWeekOf, type AnalysisSettings, type Pilot } from '@liftoff/shared';
import { AnalysisService } from '../../server/src/signals/analysis.service';
import { createBasicPortfolio, createPilot, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A write re-analyses its pilot on its own path (its update history with open blockers only; flags, diagnosis and scale
 * queue membership in one statement). What it stores must be exactly what the sweep stores: a sweep
 * right after the writes finds nothing to change, byte for byte, in diagnoses and flags.
 */
describe('a write stores the analysis the sweep would', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  const thisWeek = isoWeekOf(new Date());
  const weeksAgo = (n: number) => addIsoWeeks(thisWeek, -n);

  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const piloting = () => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2025-06-02' });

  /** Weekly updates from `weeks` weeks ago to this week, each shaped by its distance from now. */
  async function history(pilot: Pilot, weeks: number, shape: (n: number) => Record<string, unknown>): Promise<void> {
    for (let n = weeks; n >= 0; n--) await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: weeksAgo(n), ...shape(n) }));
  }

  const setMin = async (scaleReadinessMin: number) => {
    const settings: AnalysisSettings = (await t.http.get('/api/settings').expect(200)).body;
    await t.http.patch('/api/settings').send({ version: settings.version, thresholds: { scaleReadinessMin } }).expect(200);
  };

  const snapshot = async () => ({
    diagnoses: await t.dataSource.query(
      `SELECT pilot_id, action, readiness_score, recommendation::text, patterns::text, readiness::text, computed_at, scale_queue_since
         FROM pilot_diagnoses ORDER BY pilot_id`,
    ),
    flags: await t.dataSource.query(
      `SELECT id, pilot_id, kind, subject_key, status, summary, evidence::text, condition_since, opened_at, last_seen_at, resolved_at, resolution
         FROM signal_flags ORDER BY id`,
    ),
  });

  it('leaves nothing for a sweep to change after posts, long histories and queue entries and exits', async () => {
    // An off-track streak longer than the loaded window: the whole history is read again.
    const streak = await piloting();
    await history(streak, 24, (n) => ({ health: n < 19 ? 'off_track' : 'on_track', confidence: n < 5 ? 2 : 4 }));
    // A late post of a week before all the others, with a new blocker: the latest posted, the only mention.
    await postUpdate(t, streak.id, updateBody(base.lead.id, { week: weeksAgo(30), blockers: [{ text: 'Data export format still unclear', category: 'integration', isNew: true }] }));
    // A blocker reported in every one of many weeks, leadership asking about scale now and then.
    await history(await piloting(), 20, (n) => ({
      scaleQuestionAsked: n % 3 === 0,
      blockers: [{ text: 'Waiting on the security review of the vendor', category: 'security_compliance' }],
    }));
    // No active users for a while, at risk now and then.
    const late = await piloting();
    await history(late, 18, (n) => ({ activeUsers: n < 6 ? 0 : 12, activeUsersOutsideTeam: n < 6 ? 0 : 5, health: n % 4 === 0 ? 'at_risk' : 'on_track' }));
    await setMin(0);
    // In the queue with every piloting pilot now: one enters by its first post, one leaves by a pause.
    await history(await piloting(), 3, () => ({}));
    await t.http.post(`/api/pilots/${late.id}/stage`).send({ version: (await t.http.get(`/api/pilots/${late.id}`).expect(200)).body.version, stage: 'paused', note: 'Team on leave' }).expect(200);
    const before = await snapshot();
    expect(before.diagnoses.some((d: { scale_queue_since: Date | null }) => d.scale_queue_since !== null)).toBe(true);
    expect(before.diagnoses.find((d: { pilot_id: string }) => d.pilot_id === late.id).scale_queue_since).toBeNull();
    const result = await t.app.get(AnalysisService).sweep();
    expect(result).toMatchObject({ ran: true, flagsOpened: 0, flagsResolved: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
