import { addIsoWeeks, analysePilot, isoWeekOf, type Blocker, type Pilot } from '@liftoff/shared';
import { loadHistories } from '../../server/src/signals/history-loader';
import { SettingsService } from '../../server/src/settings/settings.service';
import { createBasicPortfolio, createKpi, createPerson, createPilot, postUpdate, updateBody, type BasicPortfolio } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every write that changes an input of a pilot's analysis leaves stored flags and diagnosis equal
 * to a fresh analysis of the stored data, with no sweep in between. Each row is set up so that its
 * write does change the analysis: a write that forgot to re-analyse would leave the old one behind.
 */
describe('analysis is current after every write', () => {
  let t: TestApp;
  let base: BasicPortfolio;
  const thisWeek = isoWeekOf(new Date());
  const weeksAgo = (n: number) => addIsoWeeks(thisWeek, -n);

  beforeAll(async () => {
    t = await startTestApp();
    base = await createBasicPortfolio(t);
  });
  afterAll(() => t.close());

  interface AnalysisState {
    /** `kind:subject@since`: the stored start of each condition is as current as the flag itself. */
    flags: string[];
    action: string | null;
    ruleId: string | null;
    patterns: string[];
    reasons: string[];
  }

  async function stored(pilotId: string): Promise<AnalysisState> {
    const flags: { kind: string; subject_key: string; since: string | null }[] = await t.dataSource.query(
      `SELECT kind, subject_key, to_char(condition_since, 'YYYY-MM-DD') AS since FROM signal_flags WHERE pilot_id = $1 AND status = 'open'`,
      [pilotId],
    );
    const [diagnosis] = await t.dataSource.query('SELECT recommendation, patterns FROM pilot_diagnoses WHERE pilot_id = $1', [pilotId]);
    return {
      flags: flags.map((f) => `${f.kind}:${f.subject_key}@${f.since}`).sort(),
      action: diagnosis?.recommendation.action ?? null,
      ruleId: diagnosis?.recommendation.ruleId ?? null,
      patterns: (diagnosis?.patterns ?? []).map((p: { pattern: string }) => p.pattern).sort(),
      reasons: diagnosis?.recommendation.reasons ?? [],
    };
  }

  async function fresh(pilotId: string): Promise<AnalysisState> {
    const history = (await loadHistories(t.dataSource.manager, [pilotId])).get(pilotId)!;
    const thresholds = await t.app.get(SettingsService).thresholds();
    const analysis = analysePilot(history, { today: new Date(), thresholds });
    return {
      flags: analysis.signals.map((s) => `${s.kind}:${s.subjectKey ?? ''}@${s.since ?? null}`).sort(),
      action: analysis.recommendation.action,
      ruleId: analysis.recommendation.ruleId,
      patterns: analysis.patterns.map((p) => p.pattern).sort(),
      reasons: analysis.recommendation.reasons,
    };
  }

  const version = async (pilotId: string) => ((await t.http.get(`/api/pilots/${pilotId}`).expect(200)).body as Pilot).version;
  const openBlockers = async (pilotId: string) => (await t.http.get(`/api/pilots/${pilotId}/blockers?status=open`).expect(200)).body as Blocker[];

  /** A piloting pilot whose last three weekly updates report the same blocker (a repeated-blocker flag). */
  async function stuckPilot(overrides: Record<string, unknown> = {}): Promise<Pilot> {
    const pilot = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2026-01-05', ...overrides });
    for (const n of [3, 2, 1]) {
      await postUpdate(t, pilot.id, updateBody(base.lead.id, { week: weeksAgo(n), blockers: [{ text: 'Waiting on the security review of the vendor', category: 'security_compliance' }] }));
    }
    return pilot;
  }

  const passAll = (answer: string) =>
    Object.fromEntries(['executive_sponsorship', 'integration_readiness', 'adoption_readiness', 'workflow_redesign', 'measurement', 'use_case_viability'].map((k) => [k, { answer }]));

  type Row = [string, () => Promise<Pilot>, (pilot: Pilot) => Promise<unknown>];
  const rows: Row[] = [
    ['weekly update posted (third report of a blocker)', async () => {
      const p = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2026-01-05' });
      for (const n of [2, 1]) await postUpdate(t, p.id, updateBody(base.lead.id, { week: weeksAgo(n), blockers: [{ text: 'Budget for licences not approved', category: 'budget' }] }));
      return p;
    }, async (p) => {
      await postUpdate(t, p.id, updateBody(base.lead.id, { week: thisWeek, blockers: [{ text: 'Budget for licences not approved', category: 'budget' }] }));
    }],
    ['weekly update edited (blocker dropped)', () => stuckPilot(), async (p) => {
      const [latest] = (await t.http.get(`/api/pilots/${p.id}/updates`).expect(200)).body.items;
      await t.http.patch(`/api/updates/${latest.id}`).send({ version: latest.version, blockers: [] }).expect(200);
    }],
    ['update posted that resolves a blocker', () => stuckPilot(), async (p) => {
      const [blocker] = await openBlockers(p.id);
      await postUpdate(t, p.id, updateBody(base.lead.id, { week: thisWeek, resolvedBlockers: [{ blockerId: blocker.id, note: 'Review passed' }] }));
    }],
    ['blocker resolved', () => stuckPilot(), async (p) => {
      const [blocker] = await openBlockers(p.id);
      await t.http.post(`/api/blockers/${blocker.id}/resolve`).send({ version: blocker.version }).expect(200);
    }],
    ['blocker reopened', async () => {
      const p = await stuckPilot();
      const [blocker] = await openBlockers(p.id);
      await t.http.post(`/api/blockers/${blocker.id}/resolve`).send({ version: blocker.version }).expect(200);
      return p;
    }, async (p) => {
      const [blocker] = (await t.http.get(`/api/pilots/${p.id}/blockers`).expect(200)).body as Blocker[];
      await t.http.post(`/api/blockers/${blocker.id}/reopen`).send({ version: blocker.version }).expect(200);
    }],
    ['blockers merged (two reports of one blocker become three)', async () => {
      const p = await createPilot(t, { businessUnitId: base.unit.id, leadId: base.lead.id, sponsorId: base.sponsor.id, stage: 'piloting', startDate: '2026-01-05' });
      for (const n of [3, 2]) await postUpdate(t, p.id, updateBody(base.lead.id, { week: weeksAgo(n), blockers: [{ text: 'Legal sign-off on the data agreement pending', category: 'security_compliance' }] }));
      await postUpdate(t, p.id, updateBody(base.lead.id, { week: weeksAgo(1), blockers: [{ text: 'Counsel still reviewing the DPA', category: 'security_compliance', isNew: true }] }));
      return p;
    }, async (p) => {
      const blockers = (await openBlockers(p.id)).sort((a, b) => b.mentionCount - a.mentionCount);
      const [keep, absorb] = blockers;
      await t.http.post(`/api/blockers/${absorb.id}/merge`).send({ intoId: keep.id, version: absorb.version, intoVersion: keep.version }).expect(200);
    }],
    ['blocker mention split off (the streak breaks)', () => stuckPilot(), async (p) => {
      const [blocker] = await openBlockers(p.id);
      const [latest] = (await t.http.get(`/api/pilots/${p.id}/updates`).expect(200)).body.items;
      await t.http.post(`/api/blockers/${blocker.id}/split`).send({ updateId: latest.id, version: blocker.version }).expect(200);
    }],
    ['KPI created', () => stuckPilot(), (p) => createKpi(t, p.id)],
    ['KPI edited', async () => {
      const p = await stuckPilot();
      await createKpi(t, p.id, { name: 'Handling time' });
      return p;
    }, async (p) => {
      const [kpi] = (await t.http.get(`/api/pilots/${p.id}/kpis`).expect(200)).body;
      await t.http.patch(`/api/kpis/${kpi.id}`).send({ version: kpi.version, baseline: null }).expect(200);
    }],
    ['KPI deleted', async () => {
      const p = await stuckPilot();
      await createKpi(t, p.id);
      return p;
    }, async (p) => {
      const [kpi] = (await t.http.get(`/api/pilots/${p.id}/kpis`).expect(200)).body;
      await t.http.delete(`/api/kpis/${kpi.id}`).expect(204);
    }],
    ['sponsor removed', () => stuckPilot(), async (p) => {
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), sponsorId: null }).expect(200);
    }],
    ['sponsor named', () => stuckPilot({ sponsorId: null }), async (p) => {
      const sponsor = await createPerson(t, 'executive', base.unit.id);
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), sponsorId: sponsor.id }).expect(200);
    }],
    // Three months in piloting: within the 6 months a complex pilot may stay there, past the 2 of a best case.
    ['complexity changed', () => stuckPilot({ complexity: 'complex', stageEnteredAt: new Date(Date.now() - 92 * 86_400_000).toISOString() }), async (p) => {
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), complexity: 'best' }).expect(200);
    }],
    ['value and cost to scale changed', () => stuckPilot(), async (p) => {
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), annualValueAtScale: 50_000, costToScale: 400_000 }).expect(200);
    }],
    ['systems to integrate changed', () => stuckPilot({ integrationSystems: [] }), async (p) => {
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), integrationSystems: ['SAP', 'Salesforce'] }).expect(200);
    }],
    ['stage clock backdated', () => stuckPilot(), async (p) => {
      await t.http.patch(`/api/pilots/${p.id}`).send({ version: await version(p.id), stageEnteredAt: '2025-01-06' }).expect(200);
    }],
    ['stage changed to killed', () => stuckPilot(), async (p) => {
      await t.http.post(`/api/pilots/${p.id}/stage`).send({ version: await version(p.id), stage: 'killed', note: 'Stopped' }).expect(200);
    }],
    ['stage changed to paused', () => stuckPilot(), async (p) => {
      await t.http.post(`/api/pilots/${p.id}/stage`).send({ version: await version(p.id), stage: 'paused', note: 'Team on leave' }).expect(200);
    }],
    ['readiness assessed', () => stuckPilot(), async (p) => {
      await t.http.post(`/api/pilots/${p.id}/assessments`).send({ answers: passAll('fail') }).expect(201);
    }],
    ['decision recorded (kill)', () => stuckPilot(), async (p) => {
      await t.http.post(`/api/pilots/${p.id}/decisions`).send({ kind: 'kill', rationale: 'The review will not pass this year.' }).expect(201);
    }],
  ];

  it.each(rows)('%s', async (_name, setUp, write) => {
    const pilot = await setUp();
    expect(await stored(pilot.id)).toEqual(await fresh(pilot.id));
    const before = await stored(pilot.id);
    await write(pilot);
    const after = await fresh(pilot.id);
    expect(after).not.toEqual(before); // the write changed the analysis...
    expect(await stored(pilot.id)).toEqual(after); // ...and what is stored says so at once
  });

  it('a threshold change re-evaluates every pilot, and restoring it keeps the flags that fire again', async () => {
    const pilot = await stuckPilot();
    const [repeated] = await t.dataSource.query(`SELECT id, opened_at FROM signal_flags WHERE pilot_id = $1 AND kind = 'repeated_blocker' AND status = 'open'`, [pilot.id]);
    expect(repeated).toBeDefined();
    const settings = async () => (await t.http.get('/api/settings').expect(200)).body;
    await t.http.patch('/api/settings').send({ version: (await settings()).version, thresholds: { repeatedBlockerConsecutiveUpdates: 5 } }).expect(200);
    expect(await stored(pilot.id)).toEqual(await fresh(pilot.id));
    const blockerKey = `repeated_blocker:${(await openBlockers(pilot.id))[0].id}@`;
    expect((await stored(pilot.id)).flags.some((f) => f.startsWith(blockerKey))).toBe(false);
    await t.http.patch('/api/settings').send({ version: (await settings()).version, thresholds: { repeatedBlockerConsecutiveUpdates: 3 } }).expect(200);
    expect(await stored(pilot.id)).toEqual(await fresh(pilot.id));
    const [again] = await t.dataSource.query(`SELECT id, opened_at FROM signal_flags WHERE pilot_id = $1 AND kind = 'repeated_blocker' AND status = 'open'`, [pilot.id]);
    expect(again).toEqual(repeated);
  });
});
