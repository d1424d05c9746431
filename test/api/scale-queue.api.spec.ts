import { DEMO_ACCOUNTS, type DecisionOutcomes, type Page, type ScaleQueueItem } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { Person } from '../../server/src/people/person.entity';
import { startTestApp, type TestApp } from './support/test-app';

describe('scale queue and decision outcomes on the demo portfolio', () => {
  let t: TestApp;
  let exec: Person;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    await t.http.post('/api/sweeps').expect(200);
    exec = await t.dataSource.manager.findOneByOrFail(Person, { email: DEMO_ACCOUNTS[2].email });
  });
  afterAll(() => t.close());

  it('ranks ready pilots by readiness, value and waiting time, with reasons and blocking pattern', async () => {
    const queue: ScaleQueueItem[] = (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.map((item) => item.rank)).toEqual(queue.map((_, i) => i + 1));
    for (let i = 1; i < queue.length; i++) {
      const [a, b] = [queue[i - 1], queue[i]];
      expect(a.readinessScore > b.readinessScore || (a.readinessScore === b.readinessScore && a.annualValueAtScale >= b.annualValueAtScale)).toBe(true);
    }
    for (const item of queue) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.daysWaiting).toBeGreaterThanOrEqual(0);
      expect(item.stage).toBe('piloting');
    }
    const ready = queue.find((item) => item.pilotName === 'Code review helper (Platform)');
    expect(ready).toMatchObject({ recommendation: 'scale', blockingPattern: null });
    expect(ready?.reasons).toContain('recommended_scale');
  });

  it('pages the queue: ranks run on across pages, the total counts every queued pilot', async () => {
    const whole: Page<ScaleQueueItem> = (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body;
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(3);
    const first: Page<ScaleQueueItem> = (await t.http.get('/api/scale-queue?page=1&pageSize=2').expect(200)).body;
    const second: Page<ScaleQueueItem> = (await t.http.get('/api/scale-queue?page=2&pageSize=2').expect(200)).body;
    expect(first).toMatchObject({ total: whole.total, page: 1, pageSize: 2 });
    expect(second).toMatchObject({ total: whole.total, page: 2, pageSize: 2 });
    expect([...first.items, ...second.items]).toEqual(whole.items.slice(0, 4));
    expect(second.items.map((item) => item.rank)).toEqual([3, 4]);
    const beyond: Page<ScaleQueueItem> = (await t.http.get(`/api/scale-queue?page=${whole.total + 1}&pageSize=1`).expect(200)).body;
    expect(beyond).toMatchObject({ items: [], total: whole.total });
    await t.http.get('/api/scale-queue?pageSize=0').expect(400);
    await t.http.get('/api/scale-queue?page=abc').expect(400);
  });

  it('filters to the pilots an executive sponsors', async () => {
    const asExec = await t.as('executive', exec);
    const mine: ScaleQueueItem[] = (await asExec.get('/api/scale-queue?mine=true&pageSize=200').expect(200)).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((item) => item.sponsor?.id === exec.id)).toBe(true);
    await asExec.get('/api/scale-queue?mine=perhaps').expect(400);
  });

  it('lets the sponsoring executive scale from the queue, and refuses pilots they do not sponsor', async () => {
    const asExec = await t.as('executive', exec);
    const queue: ScaleQueueItem[] = (await asExec.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    const notMine = queue.find((item) => item.sponsor?.id !== exec.id);
    const review = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    if (notMine) {
      const denied = await asExec.post(`/api/pilots/${notMine.pilotId}/decisions`).send({ kind: 'scale', rationale: 'x', nextReviewDate: review }).expect(403);
      expect(denied.body.message).toMatch(/sponsor/);
    }
    const mine = queue.find((item) => item.sponsor?.id === exec.id)!;
    await asExec.post(`/api/pilots/${mine.pilotId}/decisions`).send({ kind: 'scale', rationale: 'Ready: all tests pass', nextReviewDate: review }).expect(201);
    const after: ScaleQueueItem[] = (await asExec.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    expect(after.some((item) => item.pilotId === mine.pilotId)).toBe(false);

    const outcomes: DecisionOutcomes = (await t.http.get('/api/decisions/outcomes').expect(200)).body;
    expect(outcomes.scale.find((s) => s.pilotId === mine.pilotId)).toMatchObject({ reachedProduction: false, currentStage: 'scaling' });
    expect(outcomes.byQuarter.reduce((sum, q) => sum + q.scale, 0)).toBe(outcomes.scale.length);
    const reached = outcomes.scale.filter((s) => s.reachedProduction);
    expect(reached.length).toBeGreaterThan(0);
    expect(outcomes.scaledReachedProductionShare).toBeCloseTo(reached.length / outcomes.scale.length);
    for (const s of reached) expect(s.monthsToProduction).toBeGreaterThan(0);
    expect(outcomes.pivots.every((p) => p.resultingPilotId && p.resultingStage)).toBe(true);
  });
  it('keeps a pilot whose sponsorship fails out of "ready", listing it blocked when leadership asks', async () => {
    const queue: ScaleQueueItem[] = (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    for (const item of queue) {
      if (item.blockedReason) expect(item.reasons).not.toContain('high_readiness');
      if (!item.sponsor) expect(item.blockedReason).not.toBeNull();
    }
    const target = queue.find((item) => item.sponsor && item.reasons.includes('high_readiness'))!;
    // The sponsor leaves, and leadership keeps asking when it will scale.
    await t.dataSource.query(`UPDATE pilots SET sponsor_id = NULL WHERE id = $1`, [target.pilotId]);
    await t.dataSource.query(
      `UPDATE weekly_updates SET scale_question_asked = true
        WHERE id IN (SELECT id FROM weekly_updates WHERE pilot_id = $1 ORDER BY week DESC LIMIT 2)`,
      [target.pilotId],
    );
    await t.http.post('/api/sweeps').expect(200);
    const after: ScaleQueueItem[] = (await t.http.get('/api/scale-queue?pageSize=200').expect(200)).body.items;
    const blocked = after.find((item) => item.pilotId === target.pilotId);
    expect(blocked).toMatchObject({ sponsor: null, recommendation: 'keep_piloting', blockingPattern: 'missing_executive_sponsor', blockedReason: 'No executive sponsor is named for the pilot.' });
    expect(blocked!.reasons).toEqual(['scale_question']);
    expect(blocked!.readinessScore).toBeLessThan(70);
  });
});
