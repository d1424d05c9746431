import { diagnosePatterns } from './patterns';
import { computeFacts, recommend, RECOMMENDATION_RULES } from './recommendation';
import { evaluateAllSignals } from './signals';
import { assessment, blocker, ctx, history, kpi, recentUpdates, type HistoryOverrides } from './testing/history-builder';
import type { Pattern, PilotHistory, RecommendationAction } from './types';

function decide(h: PilotHistory) {
  const c = ctx();
  return recommend(h, { ...c, signals: evaluateAllSignals(h, c), patterns: diagnosePatterns(h, c.thresholds) });
}

const readings = (values: number[]) => values.map((value, i) => ({ week: `2026-W${18 + i}`, value }));
/** Handle time down from 10 to 6 minutes: target reached. */
const kpiReached = [kpi({ readings: readings([9, 8, 7, 6]) })];
/** Falling confidence, the same integration blocker every week, 9 months into a 6-month pilot. */
const stalled: HistoryOverrides = {
  pilot: { startDate: '2025-09-01' },
  updates: recentUpdates(6, (i) => ({ confidence: [4, 4, 3, 3, 2, 2][i], blockerIds: ['b1'], health: 'at_risk' })),
  blockers: [blocker('b1', { text: 'CRM API not available', category: 'integration', firstSeenWeek: '2026-W18' })],
};

/** One case per row of RECOMMENDATION_RULES, named by its id. */
const ROW_CASES: [string, RecommendationAction, Pattern | null, HistoryOverrides][] = [
  ['terminal_production', 'scale', null, { pilot: { stage: 'production', sponsorId: null } }],
  ['terminal_killed', 'kill', null, { pilot: { stage: 'killed' } }],
  ['terminal_pivoted', 'pivot', null, { pilot: { stage: 'pivoted' } }],
  ['kill_not_viable', 'kill', 'wrong_use_case_for_scale', { kpis: kpiReached, assessments: [assessment({ use_case_viability: 'fail' })] }],
  ['scale_ready', 'scale', null, { kpis: kpiReached }],
  ['kill_stalled_past_timeline', 'kill', 'no_integration_path', stalled],
  ['pivot_suggested_by_lead', 'pivot', null, { updates: recentUpdates(6, (i) => ({ pivotSuggested: i === 3 })) }],
  ['pivot_adoption_high_value', 'pivot', 'enthusiast_only_adoption', { updates: recentUpdates(6, () => ({ activeUsers: 50, activeUsersOutsideTeam: 4 })) }],
  ['keep_piloting_sponsorship', 'keep_piloting', 'missing_executive_sponsor', { pilot: { sponsorId: null }, blockers: [blocker('b', { category: 'integration' })] }],
  ['keep_piloting_viability', 'keep_piloting', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 100_000, costToScale: 300_000 }, blockers: [blocker('b', { category: 'integration' })] }],
  ['keep_piloting_integration', 'keep_piloting', 'no_integration_path', { blockers: [blocker('b', { category: 'security_compliance' })], kpis: [] }],
  ['keep_piloting_metrics', 'keep_piloting', 'unclear_success_metrics', { kpis: [], assessments: [assessment({ workflow_redesign: 'fail' })] }],
  ['keep_piloting_adoption', 'keep_piloting', 'enthusiast_only_adoption', { assessments: [assessment({ adoption_readiness: 'partial' })] }],
  ['keep_piloting_workflow', 'keep_piloting', 'workflow_unchanged', { blockers: [blocker('b', { category: 'workflow' })] }],
  ['keep_piloting_unassessed', 'keep_piloting', null, { assessments: [] }],
  ['keep_piloting_gather_evidence', 'keep_piloting', null, { kpis: [kpi({ readings: readings([10, 9.9, 9.8, 9.8]) })] }],
];

describe('RECOMMENDATION_RULES', () => {
  it('has exactly one case per row below, and ends with a catch-all', () => {
    expect(ROW_CASES.map(([id]) => id)).toEqual(RECOMMENDATION_RULES.map((r) => r.id));
    expect(RECOMMENDATION_RULES[RECOMMENDATION_RULES.length - 1].when(computeFacts(history(), { ...ctx(), signals: [], patterns: [] }))).toBe(true);
  });

  it.each(ROW_CASES)('%s -> %s (binding constraint %s)', (ruleId, action, constraint, overrides) => {
    const result = decide(history(overrides));
    expect(result).toMatchObject({ ruleId, action, bindingConstraint: constraint });
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(Number.isInteger(result.readinessScore)).toBe(true);
  });
});

describe('recommend', () => {
  it('explains a scale recommendation with the KPI evidence', () => {
    expect(decide(history({ kpis: kpiReached }))).toEqual({
      action: 'scale',
      ruleId: 'scale_ready',
      readinessScore: 100,
      bindingConstraint: null,
      reasons: [
        'Scale: all six readiness tests pass and nothing in the data contradicts them.',
        'Average handle time (min): 6 in 2026-W21 against target 6 (baseline 10): target reached.',
      ],
    });
  });

  it('scales on a KPI trending to its target within 8 weeks', () => {
    const trending = [kpi({ readings: readings([10, 9.5, 9, 8.5]) })];
    expect(decide(history({ kpis: trending })).ruleId).toBe('scale_ready');
  });

  it('does not scale when the data contradicts a pass (no sponsor named)', () => {
    const result = decide(history({ kpis: kpiReached, pilot: { sponsorId: null } }));
    expect(result).toMatchObject({ ruleId: 'keep_piloting_sponsorship', readinessScore: 92 });
    expect(result.reasons[0]).toBe('Keep piloting, but fix first: missing executive sponsor.');
  });

  it('kills a non-viable use case even when other things are also wrong', () => {
    const result = decide(history({ pilot: { sponsorId: null }, assessments: [assessment({ use_case_viability: 'fail' })] }));
    expect(result).toMatchObject({ ruleId: 'kill_not_viable', bindingConstraint: 'wrong_use_case_for_scale' });
  });

  it.each<[string, HistoryOverrides, string]>([
    // best complexity: 3 months from 2026-01-26 is 90 days; today is 135 days after: exactly 1.5x.
    ['at exactly 1.5x the bound', { pilot: { complexity: 'best', startDate: '2026-01-26' } }, 'keep_piloting_integration'],
    ['one day past 1.5x the bound', { pilot: { complexity: 'best', startDate: '2026-01-25' } }, 'kill_stalled_past_timeline'],
    ['with confidence steady', { updates: recentUpdates(6, () => ({ blockerIds: ['b1'], health: 'at_risk' })) }, 'keep_piloting_integration'],
    ['with no persistent barrier', { updates: recentUpdates(6, (i) => ({ confidence: [4, 4, 3, 3, 2, 2][i] })), blockers: [] }, 'keep_piloting_gather_evidence'],
  ])('a late pilot %s', (_name, change, ruleId) => {
    const h = history({ ...stalled, ...change, pilot: { ...stalled.pilot, ...change.pilot } });
    expect(decide(h).ruleId).toBe(ruleId);
  });

  it('lets a firm pattern outrank a weak suspicion as binding constraint', () => {
    const h = history({
      blockers: [blocker('b', { category: 'integration' })],
      assessments: [assessment({ executive_sponsorship: 'partial', integration_readiness: 'fail' })],
    });
    expect(decide(h)).toMatchObject({ ruleId: 'keep_piloting_integration', bindingConstraint: 'no_integration_path' });
  });

  it('lists the next step and what to address afterwards', () => {
    const result = decide(history({ pilot: { sponsorId: null }, kpis: [] }));
    expect(result.reasons).toEqual([
      'Keep piloting, but fix first: missing executive sponsor.',
      'No executive sponsor is named for the pilot.',
      'Readiness assessment of 2026-05-20: executive sponsorship passed, which the data above contradicts.',
      'Next step: Within two weeks, name one accountable executive who controls the budget of the process the pilot changes.',
      'Also to address afterwards: unclear success metrics.',
    ]);
  });

  it('asks for the unknown tests when gathering evidence', () => {
    const result = decide(history({ assessments: [assessment({ measurement: 'unknown' })], kpis: [kpi({ readings: readings([10]) })] }));
    expect(result.ruleId).toBe('keep_piloting_gather_evidence');
    expect(result.reasons).toContain('Answer the measurement test.');
  });

  it('ignores pivot suggestions older than the last 4 updates', () => {
    expect(decide(history({ updates: recentUpdates(6, (i) => ({ pivotSuggested: i === 1 })) })).ruleId).toBe('keep_piloting_gather_evidence');
  });

  it('does not pivot on poor adoption when the value does not cover the cost', () => {
    const h = history({
      pilot: { annualValueAtScale: 100_000, costToScale: 300_000 },
      updates: recentUpdates(6, () => ({ activeUsers: 50, activeUsersOutsideTeam: 4 })),
    });
    expect(decide(h).ruleId).toBe('keep_piloting_viability');
  });
});
