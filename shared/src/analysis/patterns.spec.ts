import { PATTERN_GUIDANCE } from './guidance';
import { diagnosePattern, diagnosePatterns, patternConfidence, PATTERN_PRIORITY } from './patterns';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { assessment, blocker, history, kpi, recentUpdates, type HistoryOverrides } from './testing/history-builder';
import { PATTERNS, type Pattern, type ReadinessAnswer } from './types';

const lowShare = (count = 6) => recentUpdates(count, () => ({ activeUsers: 30, activeUsersOutsideTeam: 3 }));

describe('patternConfidence', () => {
  it.each([
    [true, 'fail', 0.9],
    [true, 'partial', 0.75],
    [true, 'unknown', 0.6],
    [true, null, 0.6],
    [true, 'pass', 0.5],
    [false, 'fail', 0.6],
    [false, 'partial', 0.3],
    [false, 'unknown', 0],
    [false, null, 0],
    [false, 'pass', 0],
  ] as const)('data %s, answer %s -> %s', (hasData, answer: ReadinessAnswer | null, confidence) => {
    expect(patternConfidence(hasData, answer)).toBe(confidence);
  });
});

describe('diagnosePatterns', () => {
  it('finds nothing wrong with the healthy baseline pilot', () => {
    expect(diagnosePatterns(history())).toEqual([]);
  });

  it.each<[string, Pattern, HistoryOverrides, number | null]>([
    // missing_executive_sponsor
    ['no sponsor named, test passed anyway', 'missing_executive_sponsor', { pilot: { sponsorId: null } }, 0.5],
    ['no sponsor named and test failed', 'missing_executive_sponsor', { pilot: { sponsorId: null }, assessments: [assessment({ executive_sponsorship: 'fail' })] }, 0.9],
    ['no sponsor named, never assessed', 'missing_executive_sponsor', { pilot: { sponsorId: null }, assessments: [] }, 0.6],
    ['open sponsorship blocker, test partial', 'missing_executive_sponsor', { blockers: [blocker('b', { category: 'sponsorship' })], assessments: [assessment({ executive_sponsorship: 'partial' })] }, 0.75],
    ['test failed, sponsor named', 'missing_executive_sponsor', { assessments: [assessment({ executive_sponsorship: 'fail' })] }, 0.6],
    ['test partial only', 'missing_executive_sponsor', { assessments: [assessment({ executive_sponsorship: 'partial' })] }, 0.3],
    ['resolved sponsorship blocker', 'missing_executive_sponsor', { blockers: [blocker('b', { category: 'sponsorship', status: 'resolved' })] }, null],
    ['only an older assessment failed', 'missing_executive_sponsor', { assessments: [assessment({ executive_sponsorship: 'fail' }, 'pass', '2026-04-01T00:00:00Z'), assessment()] }, null],
    // no_integration_path
    ['open integration blocker', 'no_integration_path', { blockers: [blocker('b', { category: 'integration' })] }, 0.5],
    ['open security blocker and test failed', 'no_integration_path', { blockers: [blocker('b', { category: 'security_compliance' })], assessments: [assessment({ integration_readiness: 'fail' })] }, 0.9],
    ['integration test failed', 'no_integration_path', { assessments: [assessment({ integration_readiness: 'fail' })] }, 0.6],
    // Data blockers now feed the integration pattern (was: no pattern).
    ['open data blocker', 'no_integration_path', { blockers: [blocker('b', { category: 'data' })] }, 0.5],
    ['blocker in another category', 'no_integration_path', { blockers: [blocker('b', { category: 'workflow' })] }, null],
    // Budget blockers feed sponsorship and viability; adoption blockers feed adoption.
    ['open budget blocker: sponsorship', 'missing_executive_sponsor', { blockers: [blocker('b', { category: 'budget' })] }, 0.5],
    ['open budget blocker: viability', 'wrong_use_case_for_scale', { blockers: [blocker('b', { category: 'budget' })] }, 0.5],
    ['open adoption blocker', 'enthusiast_only_adoption', { blockers: [blocker('b', { category: 'adoption' })] }, 0.5],
    // enthusiast_only_adoption
    ['outside share 10% in the last 4 updates', 'enthusiast_only_adoption', { updates: lowShare() }, 0.5],
    ['low share and adoption test failed', 'enthusiast_only_adoption', { updates: lowShare(), assessments: [assessment({ adoption_readiness: 'fail' })] }, 0.9],
    ['exactly 20% in one of the last 4: not below', 'enthusiast_only_adoption', { updates: recentUpdates(4, (i) => ({ activeUsers: 30, activeUsersOutsideTeam: i === 1 ? 6 : 3 })) }, null],
    ['one below 20% (19%) in all 4', 'enthusiast_only_adoption', { updates: recentUpdates(4, () => ({ activeUsers: 100, activeUsersOutsideTeam: 19 })) }, 0.5],
    ['only 3 updates: too early to tell', 'enthusiast_only_adoption', { updates: lowShare(3) }, null],
    ['weeks without users are skipped', 'enthusiast_only_adoption', { updates: recentUpdates(6, (i) => (i % 2 ? { activeUsers: 0, activeUsersOutsideTeam: 0 } : { activeUsers: 30, activeUsersOutsideTeam: 3 })) }, null],
    ['low share earlier, broad use lately', 'enthusiast_only_adoption', { updates: recentUpdates(8, (i) => ({ activeUsers: 30, activeUsersOutsideTeam: i < 5 ? 3 : 12 })) }, null],
    ['adoption test failed', 'enthusiast_only_adoption', { assessments: [assessment({ adoption_readiness: 'fail' })] }, 0.6],
    // workflow_unchanged
    ['open workflow blocker', 'workflow_unchanged', { blockers: [blocker('b', { category: 'workflow' })] }, 0.5],
    ['workflow test failed', 'workflow_unchanged', { assessments: [assessment({ workflow_redesign: 'fail' })] }, 0.6],
    ['workflow test partial', 'workflow_unchanged', { assessments: [assessment({ workflow_redesign: 'partial' })] }, 0.3],
    ['workflow test unknown', 'workflow_unchanged', { assessments: [assessment({ workflow_redesign: 'unknown' })] }, null],
    // unclear_success_metrics
    ['no KPIs at all', 'unclear_success_metrics', { kpis: [] }, 0.5],
    ['KPI without target, test failed', 'unclear_success_metrics', { kpis: [kpi({ target: null })], assessments: [assessment({ measurement: 'fail' })] }, 0.9],
    ['open metrics blocker', 'unclear_success_metrics', { blockers: [blocker('b', { category: 'metrics' })] }, 0.5],
    ['one of two KPIs is complete', 'unclear_success_metrics', { kpis: [kpi({ id: 'k2', baseline: null }), kpi()] }, null],
    // wrong_use_case_for_scale
    ['value below cost', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 100_000, costToScale: 400_000 } }, 0.5],
    ['value equals cost', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 400_000, costToScale: 400_000 } }, null],
    ['value below cost and viability failed', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 1, costToScale: 2 }, assessments: [assessment({ use_case_viability: 'fail' })] }, 0.9],
    ['value below cost times a hurdle of 2', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 450_000, costToScale: 250_000 } }, null],
    // Empty economics prove nothing: not a viability failure (was 0.9 with the failed test)...
    ['no value recorded', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 0, costToScale: 400_000 } }, null],
    ['nothing recorded', 'wrong_use_case_for_scale', { pilot: { annualValueAtScale: 0, costToScale: 0 } }, null],
    // ...but past the pilot phase they are unclear success metrics.
    ['nothing recorded while scaling', 'unclear_success_metrics', { pilot: { stage: 'scaling', annualValueAtScale: 0, costToScale: 0 } }, 0.5],
    ['nothing recorded while piloting', 'unclear_success_metrics', { pilot: { annualValueAtScale: 0, costToScale: 0 } }, null],
    ['viability test failed', 'wrong_use_case_for_scale', { assessments: [assessment({ use_case_viability: 'fail' })] }, 0.6],
  ])('%s -> %s at %s', (_name, pattern, overrides, confidence) => {
    const found = diagnosePatterns(history(overrides)).find((d) => d.pattern === pattern);
    expect(found?.confidence ?? null).toBe(confidence);
  });

  it('applies the value-to-cost hurdle', () => {
    const h = history({ pilot: { annualValueAtScale: 450_000, costToScale: 250_000 } });
    expect(diagnosePattern('wrong_use_case_for_scale', h, { ...DEFAULT_THRESHOLDS, valueToCostHurdle: 2 })?.evidence[0]).toBe(
      'Annual value at scale (450,000) is below the cost to scale (250,000) times the hurdle of 2.',
    );
  });

  it('names the evidence: data first, then the assessment', () => {
    const h = history({
      blockers: [blocker('b1', { category: 'security_compliance', text: 'Security review pending', firstSeenWeek: '2026-W15' })],
      assessments: [{ ...assessment({ integration_readiness: 'fail' }), answers: { ...assessment().answers, integration_readiness: { answer: 'fail', note: 'No API from the claims system' } } }],
    });
    expect(diagnosePattern('no_integration_path', h)?.evidence).toEqual([
      "Open security & compliance blocker since 2026-W15: 'Security review pending'.",
      "Readiness assessment of 2026-05-20: integration readiness failed ('No API from the claims system').",
      'Systems to integrate with: Guidewire.',
    ]);
  });

  it.each<[Pattern, HistoryOverrides, string[]]>([
    ['missing_executive_sponsor', { pilot: { sponsorId: null } }, [
      'No executive sponsor is named for the pilot.',
      'Readiness assessment of 2026-05-20: executive sponsorship passed, which the data above contradicts.',
    ]],
    ['enthusiast_only_adoption', { updates: lowShare(), assessments: [] }, [
      'Users from outside the pilot team stayed below 20% of active users in each of the last 4 updates (at most 10%; 2026-W23: 3 of 30).',
      'The adoption readiness test has not been answered yet.',
    ]],
    ['unclear_success_metrics', { kpis: [kpi({ target: null }), kpi({ name: 'CSAT', baseline: null })], assessments: [assessment({ measurement: 'partial' })] }, [
      'None of the 2 KPIs (Average handle time (min) and CSAT) has both a baseline and a target.',
      'Readiness assessment of 2026-05-20: measurement only partly passed.',
    ]],
    ['wrong_use_case_for_scale', { pilot: { annualValueAtScale: 120_000, costToScale: 1_250_000 }, assessments: [assessment({ use_case_viability: 'fail' })] }, [
      'Annual value at scale (120,000) is below the cost to scale (1,250,000).',
      'Readiness assessment of 2026-05-20: use-case viability failed.',
    ]],
  ])('explains %s', (pattern, overrides, evidence) => {
    expect(diagnosePattern(pattern, history(overrides))?.evidence).toEqual(evidence);
  });

  it('honours the adoption thresholds', () => {
    const updates = recentUpdates(6, () => ({ activeUsers: 100, activeUsersOutsideTeam: 25 }));
    expect(diagnosePattern('enthusiast_only_adoption', history({ updates }))).toBeNull();
    const strict = { ...DEFAULT_THRESHOLDS, adoptionOutsideShareMin: 0.3 };
    expect(diagnosePattern('enthusiast_only_adoption', history({ updates }), strict)?.confidence).toBe(0.5);
  });

  it('orders by confidence, then by fixing priority, and attaches guidance', () => {
    const h = history({
      pilot: { sponsorId: null },
      kpis: [],
      assessments: [assessment({ workflow_redesign: 'fail', measurement: 'fail' })],
    });
    const found = diagnosePatterns(h);
    expect(found.map((d) => [d.pattern, d.confidence])).toEqual([
      ['unclear_success_metrics', 0.9],
      ['workflow_unchanged', 0.6],
      ['missing_executive_sponsor', 0.5],
    ]);
    expect(found[0].guidance).toEqual(PATTERN_GUIDANCE.unclear_success_metrics.steps);
  });
});

describe('PATTERN_GUIDANCE', () => {
  it.each(PATTERNS.map((p) => [p]))('%s has a title, a description and 3-5 steps', (pattern) => {
    const guidance = PATTERN_GUIDANCE[pattern];
    expect(guidance.title.length).toBeGreaterThan(0);
    expect(guidance.description.length).toBeGreaterThan(20);
    expect(guidance.steps.length).toBeGreaterThanOrEqual(3);
    expect(guidance.steps.length).toBeLessThanOrEqual(5);
  });

  it('ranks every pattern exactly once', () => {
    expect([...PATTERN_PRIORITY].sort()).toEqual([...PATTERNS].sort());
  });
});
