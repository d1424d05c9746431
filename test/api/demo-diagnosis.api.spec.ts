import type { Page, Pilot, PilotDiagnosis, StageChange, SweepResult, WeeklyUpdate } from '@liftoff/shared';
import { readinessBreakdown } from '@liftoff/shared';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { SettingsService } from '../../server/src/settings/settings.service';
import { loadHistories } from '../../server/src/signals/history-loader';
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
  const idOf = (name: string) => pilots.find((p) => p.name === name)!.id;
  const updatesOf = async (name: string): Promise<WeeklyUpdate[]> => (await t.http.get(`/api/pilots/${idOf(name)}/updates?pageSize=100`).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    sweep = (await t.http.post('/api/sweeps').expect(200)).body;
    pilots = ((await t.http.get('/api/pilots?pageSize=200').expect(200)).body as Page<Pilot>).items;
  });
  afterAll(() => t.close());

  it('answers the readiness breakdown the sweep stored, the same as one computed from the whole history', async () => {
    const thresholds = await t.app.get(SettingsService).thresholds();
    const names = ['Contract review assistant (Legal)', 'Call summarisation for claims', 'Code review helper (Platform)'];
    for (const name of names) {
      const [history] = (await loadHistories(t.dataSource.manager, [idOf(name)])).values();
      const diagnosis = await diagnosisOf(name);
      expect(diagnosis.readiness).toEqual(readinessBreakdown(history, thresholds));
      const [stored] = await t.dataSource.query('SELECT readiness FROM pilot_diagnoses WHERE pilot_id = $1', [idOf(name)]);
      expect(stored.readiness).toEqual(diagnosis.readiness);
    }
    // A diagnosis stored before the breakdown was kept is analysed again on read, and then stored.
    const name = names[0];
    await t.dataSource.query('UPDATE pilot_diagnoses SET readiness = NULL WHERE pilot_id = $1', [idOf(name)]);
    const [history] = (await loadHistories(t.dataSource.manager, [idOf(name)])).values();
    expect((await diagnosisOf(name)).readiness).toEqual(readinessBreakdown(history, thresholds));
    const [again] = await t.dataSource.query('SELECT readiness FROM pilot_diagnoses WHERE pilot_id = $1', [idOf(name)]);
    expect(again.readiness).not.toBeNull();
  });

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

  it.each([
    'Contract review assistant (Legal)',
    'Call summarisation for claims',
    'Field service knowledge bot',
    'Inventory demand forecast v2',
    'Claims letter drafting',
    'Sales call coaching assistant',
    'Supplier onboarding automation',
  ])('links the blocker the lead of %s rewords week to week into one repeated blocker', async (name) => {
    const flags = (await diagnosisOf(name)).openFlags.filter((f) => f.kind === 'repeated_blocker');
    expect(flags.length).toBeGreaterThanOrEqual(1);
    for (const flag of flags) expect(flag.evidence.consecutiveUpdates).toBeGreaterThanOrEqual(3);
    // The latest updates name the blocker in their own words, and all link to the one register entry.
    const blockerId = flags[0].evidence.blockerId as string;
    const latest = (await updatesOf(name)).filter((u) => u.blockers.some((b) => b.id === blockerId)).slice(0, 3);
    expect(latest).toHaveLength(3);
    expect(new Set(latest.map((u) => u.summary.replace(/^.*?Blocker: /, ''))).size).toBe(3);
  });

  it.each([
    ['Sales call coaching assistant', ['missing_executive_sponsor', 'no_integration_path', 'enthusiast_only_adoption']],
    ['Supplier onboarding automation', ['unclear_success_metrics']],
  ])('finds %s stuck in several ways at once', async (name, patterns) => {
    const diagnosis = await diagnosisOf(name);
    expect(diagnosis.patterns.map((p) => p.pattern)).toEqual(expect.arrayContaining(patterns));
    expect(diagnosis.patterns.length).toBeGreaterThanOrEqual(2);
    expect(new Set(diagnosis.openFlags.map((f) => f.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('shows the paused and resumed pilot piloting again, with no updates while it was paused', async () => {
    const name = 'KYC document checker (Retail banking)';
    const changes: StageChange[] = (await t.http.get(`/api/pilots/${idOf(name)}/stage-changes`).expect(200)).body;
    const moves = [...changes].sort((a, b) => a.changedAt.localeCompare(b.changedAt)).map((c) => c.toStage);
    expect(moves).toEqual(['proposed', 'piloting', 'paused', 'piloting']);
    const [paused, resumed] = [...changes].sort((a, b) => a.changedAt.localeCompare(b.changedAt)).slice(2).map((c) => c.changedAt);
    const updates = await updatesOf(name);
    expect(updates.filter((u) => u.createdAt > paused && u.createdAt < resumed)).toEqual([]);
    expect(updates.filter((u) => u.createdAt > resumed).length).toBeGreaterThanOrEqual(8);
  });

  it('does not recommend scaling the busy pilot whose KPIs and stage have not moved in five months', async () => {
    const diagnosis = await diagnosisOf('Sales playbook Q&A assistant');
    expect(diagnosis.recommendation.action).not.toBe('scale');
    expect(diagnosis.openFlags.length).toBeGreaterThan(0);
  });

  it('finds the economics of the 50k-a-year pilot that costs 400k to scale wrong for scaling', async () => {
    const diagnosis = await diagnosisOf('Travel receipt checker');
    expect(diagnosis.patterns.map((p) => p.pattern)).toContain('wrong_use_case_for_scale');
    expect(diagnosis.recommendation.action).not.toBe('scale');
  });

  it.each(['Meeting minutes drafter (Finance)', 'Supplier invoice matching (AP)', 'Test case generator (Payments)', 'Code review helper (Platform)'])(
    'raises nothing on the healthy pilot %s',
    async (name) => {
      const diagnosis = await diagnosisOf(name);
      expect(diagnosis.openFlags).toEqual([]);
      expect(diagnosis.patterns).toEqual([]);
    },
  );

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
