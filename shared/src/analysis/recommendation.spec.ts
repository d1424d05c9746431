import { diagnosePatterns } from './patterns';
import { computeFacts, recommend, RECOMMENDATION_RULES } from './recommendation';
import { evaluateAllSignals } from './signals';
import { assessment, blocker, ctx, history, kpi, recentUpdates, type HistoryOverrides } from './testing/history-builder';
import type { SignalThresholds } from './thresholds';
import type { Pattern, PilotHistory, RecommendationAction } from './types';

function decide(h: PilotHistory, thresholds: Partial<SignalThresholds> = {}) {
  const c = ctx(thresholds);
  return recommend(h, { ...c, signals: evaluateAllSignals(h, c), patterns: diagnosePatterns(h, c.thresholds) });
}

const readings = (values: number[]) => values.map((value, i) => ({ week: `2026-W${18 + i}`, value }));
/** Handle time down from 10 to 6 minutes and held there for three readings: target reached. */
const kpiReached = [kpi({ readings: readings([9, 6, 6, 5.5]) })];
/** Only the pilot team uses the tool: 4 of 50 active users from outside it. */
const enthusiastsOnly = recentUpdates(6, () => ({ activeUsers: 50, activeUsersOutsideTeam: 4 }));
/**
 * 4x the pilot timebox: piloting for two years, 31 weeks off track with the same integration
 * blocker every week, confidence flat at 2.
 */
const stalled: HistoryOverrides = {
  pilot: { stageEnteredAt: '2024-06-10T09:00:00Z', complexity: 'best' },
  stageChanges: [],
  updates: recentUpdates(31, () => ({ confidence: 2, blockerIds: ['b1'], health: 'off_track' })),
  blockers: [blocker('b1', { text: 'CRM API not available', category: 'integration', firstSeenWeek: '2025-W40' })],
};

/** One case per row of RECOMMENDATION_RULES, named by its id. */
const ROW_CASES: [string, RecommendationAction, Pattern | null, HistoryOverrides][] = [
  ['terminal_production', 'scale', null, { pilot: { stage: 'production', sponsorId: null } }],
  ['terminal_killed', 'kill', null, { pilot: { stage: 'killed' } }],
  ['terminal_pivoted', 'pivot', null, { pilot: { stage: 'pivoted' } }],
  // 50k a year against 400k to scale was "keep piloting": the data alone now kills it.
  ['kill_below_hurdle', 'kill', 'wrong_use_case_for_scale', { kpis: kpiReached, pilot: { annualValueAtScale: 50_000, costToScale: 400_000 } }],
  ['kill_not_viable', 'kill', 'wrong_use_case_for_scale', { kpis: kpiReached, assessments: [assessment({ use_case_viability: 'fail' })] }],
  // Confidence flat at 2 used to escape the kill (it needed a falling slope).
  ['kill_stalled_past_timeline', 'kill', 'no_integration_path', stalled],
  // No sponsor AND enthusiast-only adoption was told to pivot: the sponsor comes first.
  ['keep_piloting_sponsorship', 'keep_piloting', 'missing_executive_sponsor', { pilot: { sponsorId: null }, updates: enthusiastsOnly }],
  // A paused pilot with a textbook scale case was recommended scale.
  ['keep_piloting_paused', 'keep_piloting', null, { pilot: { stage: 'paused' }, kpis: kpiReached }],
  ['pivot_suggested_by_lead', 'pivot', null, { updates: recentUpdates(6, (i) => ({ pivotSuggested: i === 3 })) }],
  ['scale_ready', 'scale', null, { kpis: kpiReached }],
  // High value, enthusiast-only adoption was told to pivot: change management is the remedy.
  ['keep_piloting_change_management', 'keep_piloting', 'enthusiast_only_adoption', { updates: enthusiastsOnly }],
  ['keep_piloting_viability', 'keep_piloting', 'wrong_use_case_for_scale', { assessments: [assessment({ use_case_viability: 'partial' })] }],
  ['keep_piloting_integration', 'keep_piloting', 'no_integration_path', { blockers: [blocker('b', { category: 'security_compliance' })], kpis: [] }],
  ['keep_piloting_metrics', 'keep_piloting', 'unclear_success_metrics', { kpis: [], assessments: [assessment({ workflow_redesign: 'fail' })] }],
  ['keep_piloting_adoption', 'keep_piloting', 'enthusiast_only_adoption', { assessments: [assessment({ adoption_readiness: 'partial' })] }],
  ['keep_piloting_workflow', 'keep_piloting', 'workflow_unchanged', { blockers: [blocker('b', { category: 'workflow' })] }],
  // Six tests passed and the KPI held, but four weeks at risk: was "scale".
  ['keep_piloting_live_barriers', 'keep_piloting', null, { kpis: kpiReached, updates: recentUpdates(6, (i) => ({ health: i < 2 ? 'on_track' : 'at_risk' })) }],
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
    expect(Number.isInteger(result.readinessScore)).toBe(true);
    // Every reason names the rule that produced it; the verdict comes first, from the row itself.
    expect(result.explained.length).toBeGreaterThan(0);
    expect(result.explained[0].rule).toBe(ruleId);
    expect(result.reasons).toEqual(result.explained.map((r) => r.text));
    for (const reason of result.explained.slice(1)) {
      expect(reason.rule).toMatch(/^(signal|pattern|kpi|guidance|assessment):|^(economics|kpi)$|^pattern:.*(,pattern:.*)*$/);
    }
  });
});

describe('recommend', () => {
  it('explains a scale recommendation with the KPI and the economics', () => {
    expect(decide(history({ kpis: kpiReached }))).toEqual({
      action: 'scale',
      ruleId: 'scale_ready',
      readinessScore: 100,
      bindingConstraint: null,
      reasons: [
        'Scale: all six readiness tests pass, no stuck sign is open and nothing in the data contradicts them.',
        'Average handle time (min): 5.5 in 2026-W21 against target 6 (baseline 10): target reached and held for the last 3 readings.',
        'Annual value at scale (900,000) covers the cost to scale (250,000) at a hurdle of 1 (ratio 3.6).',
      ],
      explained: [
        { rule: 'scale_ready', text: 'Scale: all six readiness tests pass, no stuck sign is open and nothing in the data contradicts them.' },
        { rule: 'kpi:kpi-1', text: 'Average handle time (min): 5.5 in 2026-W21 against target 6 (baseline 10): target reached and held for the last 3 readings.' },
        { rule: 'economics', text: 'Annual value at scale (900,000) covers the cost to scale (250,000) at a hurdle of 1 (ratio 3.6).' },
      ],
    });
  });

  it('scales on a KPI trending to its target within 8 weeks', () => {
    const trending = [kpi({ readings: readings([10, 9.5, 9, 8.5]) })];
    expect(decide(history({ kpis: trending })).ruleId).toBe('scale_ready');
  });

  it.each<[string, HistoryOverrides, string]>([
    ['one good week is not a reached target', { kpis: [kpi({ readings: readings([10, 6]) })] }, 'keep_piloting_gather_evidence'],
    ['value and cost left at 0 / 0 are not a viability pass', { kpis: kpiReached, pilot: { annualValueAtScale: 0, costToScale: 0 } }, 'keep_piloting_gather_evidence'],
    ['0 / 0 after the pilot phase: unclear success metrics', { kpis: kpiReached, pilot: { stage: 'scaling', annualValueAtScale: 0, costToScale: 0 } }, 'keep_piloting_metrics'],
    // The review's case: six passes with a budget blocker, staff refusing the tool and four weeks off track.
    [
      'six passes with a budget blocker, an adoption blocker and a red streak',
      {
        kpis: kpiReached,
        updates: recentUpdates(6, (i) => ({ health: i < 2 ? 'on_track' : 'off_track', blockerIds: ['budget', 'staff'] })),
        blockers: [blocker('budget', { category: 'budget' }), blocker('staff', { category: 'adoption', text: 'Agents refuse to use the tool' })],
      },
      'keep_piloting_sponsorship',
    ],
    ['busy but not progressing: green for months, nothing moving', { updates: recentUpdates(20), kpis: [kpi({ readings: readings([10, 10, 10]) })] }, 'keep_piloting_live_barriers'],
    ['silent for weeks', { kpis: kpiReached, updates: recentUpdates(8).slice(0, 5) }, 'keep_piloting_live_barriers'],
  ])('does not scale: %s', (_name, overrides, ruleId) => {
    const result = decide(history(overrides));
    expect(result.action).not.toBe('scale');
    expect(result.ruleId).toBe(ruleId);
  });

  it('does not scale when the data contradicts a pass (no sponsor named), and caps the score', () => {
    const result = decide(history({ kpis: kpiReached, pilot: { sponsorId: null } }));
    expect(result).toMatchObject({ ruleId: 'keep_piloting_sponsorship', readinessScore: 50, bindingConstraint: 'missing_executive_sponsor' });
    expect(result.reasons[0]).toBe('Keep piloting, but secure a sponsor first: without one no fix, pivot or scale decision will hold.');
  });

  it('puts a failed sponsorship test first even with a sponsor named', () => {
    const h = history({ kpis: kpiReached, updates: enthusiastsOnly, assessments: [assessment({ executive_sponsorship: 'fail' })] });
    expect(decide(h)).toMatchObject({ ruleId: 'keep_piloting_sponsorship', readinessScore: 50 });
  });

  it('kills a non-viable use case even when other things are also wrong', () => {
    const result = decide(history({ pilot: { sponsorId: null }, assessments: [assessment({ use_case_viability: 'fail' })] }));
    expect(result).toMatchObject({ ruleId: 'kill_not_viable', bindingConstraint: 'wrong_use_case_for_scale' });
  });

  it.each<[string, Partial<SignalThresholds>, string]>([
    ['50k vs 400k at the default hurdle of 1', {}, 'kill_below_hurdle'],
    ['a hurdle of 0.1 lets it through', { valueToCostHurdle: 0.1 }, 'keep_piloting_gather_evidence'],
  ])('kills on the economics: %s', (_name, thresholds, ruleId) => {
    expect(decide(history({ pilot: { annualValueAtScale: 50_000, costToScale: 400_000 } }), thresholds).ruleId).toBe(ruleId);
  });

  it('explains the economics of a kill', () => {
    expect(decide(history({ pilot: { annualValueAtScale: 50_000, costToScale: 400_000 } })).explained[1]).toEqual({
      rule: 'economics',
      text: 'Annual value at scale (50,000) is below the cost to scale (400,000) at a hurdle of 1 (ratio 0.13).',
    });
  });

  it('pivots instead of killing when the lead proposes a different use', () => {
    const h = history({ pilot: { annualValueAtScale: 50_000, costToScale: 400_000 }, updates: recentUpdates(6, (i) => ({ pivotSuggested: i === 5 })) });
    expect(decide(h)).toMatchObject({ ruleId: 'pivot_suggested_by_lead', action: 'pivot' });
  });

  it.each<[string, HistoryOverrides, string]>([
    // 6-month timebox: 1.5x is 9 months of piloting. From 2025-09-10 to 2026-06-10 is 273 days of 181: 1.51x.
    ['just past 1.5x the timebox', { pilot: { stageEnteredAt: '2025-09-10T09:00:00Z' } }, 'kill_stalled_past_timeline'],
    ['at 1.49x the timebox', { pilot: { stageEnteredAt: '2025-09-12T09:00:00Z' } }, 'keep_piloting_integration'],
    ['with confidence flat at 3', { updates: recentUpdates(31, () => ({ confidence: 3, blockerIds: ['b1'], health: 'off_track' })) }, 'keep_piloting_integration'],
    ['with confidence falling from 5 to 3', { updates: recentUpdates(31, (i) => ({ confidence: i < 28 ? 5 : 3, blockerIds: ['b1'], health: 'off_track' })) }, 'kill_stalled_past_timeline'],
    ['with no persistent barrier', { updates: recentUpdates(31, () => ({ confidence: 2 })), blockers: [] }, 'keep_piloting_live_barriers'],
  ])('a late pilot %s', (_name, change, ruleId) => {
    const h = history({ ...stalled, ...change, pilot: { ...stalled.pilot, ...change.pilot } });
    expect(decide(h).ruleId).toBe(ruleId);
  });

  it('names the level of confidence and the barriers in a timeline kill', () => {
    const result = decide(history(stalled));
    expect(result.reasons[0]).toBe('Kill: 3.99x the pilot timebox (6 months), confidence is down to 2 of 5 and the same barriers persist.');
    expect(result.explained.slice(1).map((r) => r.rule)).toEqual(['signal:repeated_blocker', 'signal:off_track_streak']);
  });

  it('lets a firm pattern outrank a weak suspicion as binding constraint', () => {
    const h = history({
      blockers: [blocker('b', { category: 'integration' })],
      assessments: [assessment({ executive_sponsorship: 'partial', integration_readiness: 'fail' })],
    });
    expect(decide(h)).toMatchObject({ ruleId: 'keep_piloting_integration', bindingConstraint: 'no_integration_path' });
  });

  it('fixes a more binding constraint before change management', () => {
    const h = history({ updates: enthusiastsOnly, blockers: [blocker('b', { category: 'integration' })] });
    const result = decide(h);
    expect(result).toMatchObject({ ruleId: 'keep_piloting_integration', bindingConstraint: 'no_integration_path' });
    expect(result.reasons).toContain('Also to address afterwards: enthusiast-only adoption.');
  });

  it('gives change-management steps, not a pivot, for enthusiast-only adoption with high value', () => {
    const result = decide(history({ updates: enthusiastsOnly }));
    expect(result.action).toBe('keep_piloting');
    expect(result.explained.filter((r) => r.rule === 'guidance:enthusiast_only_adoption')).toHaveLength(4);
  });

  it('lists the next step and what to address afterwards', () => {
    const result = decide(history({ pilot: { sponsorId: null }, kpis: [] }));
    expect(result.reasons).toEqual([
      'Keep piloting, but secure a sponsor first: without one no fix, pivot or scale decision will hold.',
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

  it('kills rather than pivots on poor adoption when the value does not cover the cost', () => {
    const h = history({ pilot: { annualValueAtScale: 100_000, costToScale: 300_000 }, updates: enthusiastsOnly });
    expect(decide(h).ruleId).toBe('kill_below_hurdle');
  });
});
