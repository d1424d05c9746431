import type { DecisionView, Pilot } from '@liftoff/shared';
import { createBasicPortfolio, createKpi, createPilot, type BasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';
import { AnalysisService } from '../../server/src/signals/analysis.service';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('decision log', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  const newPilot = (stage = 'piloting') => createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage });
  const decide = (pilotId: string, body: object, expected = 201) => t.http.post(`/api/pilots/${pilotId}/decisions`).send(body).expect(expected);

  it('scale moves the pilot to scaling and records the recommendation it followed or overrode', async () => {
    const pilot = await newPilot();
    const { body } = await decide(pilot.id, { kind: 'scale', rationale: 'Targets met in two units', nextReviewDate: inAMonth() });
    const decision = body as DecisionView;
    expect(decision).toMatchObject({ kind: 'scale', pilotId: pilot.id, nextReviewDate: inAMonth(), supersedesId: null });
    expect(decision.snapshot.recommendation?.action).toEqual(decision.recommendedAction);
    expect(decision.followedRecommendation).toBe(decision.recommendedAction === 'scale');
    const after = (await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body as Pilot;
    expect(after.stage).toBe('scaling');
    const changes = (await t.http.get(`/api/pilots/${pilot.id}/stage-changes`).expect(200)).body;
    expect(changes.at(-1)).toMatchObject({ fromStage: 'piloting', toStage: 'scaling', note: 'Decision: scale' });
  });

  it('continue keeps the stage and sets the review date', async () => {
    const pilot = await newPilot();
    await decide(pilot.id, { kind: 'continue', rationale: 'Need four more weeks of data', nextReviewDate: inAMonth() });
    expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.stage).toBe('piloting');
  });

  it('kill closes the pilot and refuses any later decision with 409', async () => {
    const pilot = await newPilot();
    await decide(pilot.id, { kind: 'kill', rationale: 'Value does not justify cost' });
    expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.stage).toBe('killed');
    const before = await countRows(t.dataSource, 'decisions');
    const refused = await decide(pilot.id, { kind: 'continue', rationale: 'Try again', nextReviewDate: inAMonth() }, 409);
    expect(refused.body.message).toMatch(/killed/);
    expect(await countRows(t.dataSource, 'decisions')).toBe(before);
  });

  it('pivot creates a linked successor that carries lead, sponsor, unit and KPIs', async () => {
    const pilot = await newPilot();
    const kpi = await createKpi(t, pilot.id, { name: 'Handling time' });
    const { body } = await decide(pilot.id, { kind: 'pivot', rationale: 'Agents do not need it; back office does', pivot: { name: 'Back-office triage' } });
    expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.stage).toBe('pivoted');
    const successor = (await t.http.get(`/api/pilots/${body.resultingPilotId}`).expect(200)).body as Pilot;
    expect(successor).toMatchObject({ name: 'Back-office triage', pivotedFromId: pilot.id, stage: 'piloting', businessUnitId: base.unit.id });
    expect(successor.lead.id).toBe(base.lead.id);
    expect(successor.sponsor?.id).toBe(base.sponsor.id);
    const kpis = (await t.http.get(`/api/pilots/${successor.id}/kpis`).expect(200)).body;
    expect(kpis).toEqual([expect.objectContaining({ name: kpi.name, baseline: kpi.baseline, target: kpi.target })]);
  });

  it.each([
    [{ kind: 'scale', nextReviewDate: '2030-01-01' }, 'rationale'],
    [{ kind: 'scale', rationale: 'ok' }, 'nextReviewDate'],
    [{ kind: 'continue', rationale: 'ok' }, 'nextReviewDate'],
    [{ kind: 'continue', rationale: 'ok', nextReviewDate: '2020-01-01' }, 'nextReviewDate'],
    [{ kind: 'promote', rationale: 'ok' }, 'kind'],
    [{ kind: 'kill', rationale: 'ok', supersedesId: '00000000-0000-4000-8000-000000000000' }, 'supersedesId'],
  ])('rejects %j with a 400 naming %s and changes nothing', async (body, field) => {
    const pilot = await newPilot();
    const before = await countRows(t.dataSource, 'decisions');
    const res = await decide(pilot.id, body, 400);
    expect(res.body.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countRows(t.dataSource, 'decisions')).toBe(before);
    expect((await t.http.get(`/api/pilots/${pilot.id}`).expect(200)).body.stage).toBe('piloting');
  });

  it('is immutable: no edit routes, the database refuses changes, corrections supersede', async () => {
    const pilot = await newPilot();
    const first = (await decide(pilot.id, { kind: 'continue', rationale: 'First look', nextReviewDate: inAMonth() })).body;
    await t.http.patch(`/api/decisions/${first.id}`).send({ rationale: 'x' }).expect(404);
    await t.http.delete(`/api/decisions/${first.id}`).expect(404);
    await expect(t.dataSource.query(`UPDATE decisions SET rationale = 'rewritten' WHERE id = $1`, [first.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM decisions WHERE id = $1`, [first.id])).rejects.toThrow(/append-only/);
    const correction = (await decide(pilot.id, { kind: 'continue', rationale: 'Corrected review date', nextReviewDate: inAMonth(), supersedesId: first.id })).body;
    expect(correction.supersedesId).toBe(first.id);
    const log = (await t.http.get(`/api/pilots/${pilot.id}/decisions`).expect(200)).body;
    expect(log.items.map((d: DecisionView) => d.id)).toEqual([correction.id, first.id]);
  });

  it('writes audit rows with the decision, and none when the decision is refused', async () => {
    const pilot = await newPilot('proposed');
    const auditBefore = await countRows(t.dataSource, 'audit_events');
    // proposed -> scaling is not a legal move: the whole write rolls back.
    await decide(pilot.id, { kind: 'scale', rationale: 'Too early', nextReviewDate: inAMonth() }, 409);
    expect(await countRows(t.dataSource, 'audit_events')).toBe(auditBefore);
    expect(await countRows(t.dataSource, 'decisions')).toBeGreaterThanOrEqual(0);

    const ok = (await decide(pilot.id, { kind: 'kill', rationale: 'Never started' })).body;
    const audit = (await t.http.get(`/api/audit?entity=decisions&entityId=${ok.id}`).expect(200)).body;
    expect(audit.items).toEqual([expect.objectContaining({ action: 'insert', entity: 'decisions', actorId: ok.decidedBy.id, actorName: ok.decidedBy.name })]);
    const pilotAudit = (await t.http.get(`/api/audit?entity=pilots&entityId=${pilot.id}`).expect(200)).body;
    const stageUpdate = pilotAudit.items.find((e: { action: string }) => e.action === 'update');
    expect(stageUpdate.before.stage).toBe('proposed');
    expect(stageUpdate.after.stage).toBe('killed');
    const mine = (await t.http.get(`/api/audit?actorId=${ok.decidedBy.id}&pageSize=200`).expect(200)).body;
    expect(mine.items.every((e: { actorId: string }) => e.actorId === ok.decidedBy.id)).toBe(true);
  });

  it('flags a decision whose review date passed without a new decision, and clears it when one is recorded', async () => {
    const pilot = await newPilot();
    await decide(pilot.id, { kind: 'continue', rationale: 'Check again next month', nextReviewDate: inAMonth() });
    const analysis = t.app.get(AnalysisService);
    const later = new Date(Date.now() + 32 * 86_400_000);
    const overdue = await t.dataSource.transaction((m) => analysis.analyseOne(m, pilot.id, later));
    const flag = overdue.openFlags.find((f) => f.kind === 'decision_overdue');
    expect(flag?.summary).toMatch(/Review after the "continue" decision was due on/);
    await decide(pilot.id, { kind: 'kill', rationale: 'Reviewed: not worth scaling' });
    const flags = (await t.http.get(`/api/pilots/${pilot.id}/flags`).expect(200)).body;
    expect(flags.find((f: { kind: string }) => f.kind === 'decision_overdue')).toMatchObject({ status: 'resolved' });
  });
});
