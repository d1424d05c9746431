import type {
  DecisionKind,
  Pattern,
  ReadinessAnswer,
  ReadinessTest,
  RecommendationAction,
  ScaleQueueReason,
  SignalKind,
} from '@liftoff/shared';

/** Human wording for the analysis vocabularies (signals, patterns, recommendations, decisions). */
export const SIGNAL_LABELS: Record<SignalKind, string> = {
  repeated_blocker: 'Repeated blocker',
  stalled_stage: 'No stage progress',
  silent: 'Silent',
  confidence_decline: 'Falling confidence',
  off_track_streak: 'Red streak',
  scale_question_unanswered: 'Scale question unanswered',
  resources_redirected: 'Resources redirected',
  over_timeline: 'Past expected timeline',
  decision_overdue: 'Decision overdue',
  busy_not_progressing: 'Busy, not progressing',
  pilot_timebox: 'Past pilot timebox',
};

/** Short names for charts, chips and table cells; the long titles come with the diagnosis. */
export const PATTERN_LABELS: Record<Pattern, string> = {
  missing_executive_sponsor: 'No sponsor',
  no_integration_path: 'No integration path',
  enthusiast_only_adoption: 'Enthusiasts only',
  workflow_unchanged: 'Workflow unchanged',
  unclear_success_metrics: 'Unclear metrics',
  wrong_use_case_for_scale: 'Wrong use case',
};

export const PATTERN_COLORS: Record<Pattern, string> = {
  missing_executive_sponsor: '#7c3aed',
  no_integration_path: '#c2410c',
  enthusiast_only_adoption: '#d99a1e',
  workflow_unchanged: '#0e7490',
  unclear_success_metrics: '#64748b',
  wrong_use_case_for_scale: '#be123c',
};

export const RECOMMENDATION_LABELS: Record<RecommendationAction, string> = {
  scale: 'Scale',
  pivot: 'Pivot',
  kill: 'Kill',
  keep_piloting: 'Keep piloting',
};

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  scale: 'Scale',
  pivot: 'Pivot',
  kill: 'Kill',
  continue: 'Keep piloting',
};

export const DECISION_COLORS: Record<DecisionKind, string> = {
  scale: '#2e8b57',
  pivot: '#d99a1e',
  kill: '#c2410c',
  continue: '#7a9cc6',
};

export const READINESS_TEST_LABELS: Record<ReadinessTest, string> = {
  executive_sponsorship: 'Executive sponsorship',
  integration_readiness: 'Integration readiness',
  adoption_readiness: 'Adoption readiness',
  workflow_redesign: 'Workflow redesign',
  measurement: 'Measurement',
  use_case_viability: 'Use-case viability',
};

export const ANSWER_LABELS: Record<ReadinessAnswer, string> = {
  pass: 'Pass',
  partial: 'Partial',
  fail: 'Fail',
  unknown: 'Unknown',
};

export const QUEUE_REASON_LABELS: Record<ScaleQueueReason, string> = {
  recommended_scale: 'Recommended',
  high_readiness: 'High readiness',
  scale_question: 'Asked when it scales',
};

/** Which rule a reason comes from, in words: the deciding row, a stuck sign, a pattern, a KPI… */
export function reasonSource(rule: string, ruleId: string): string {
  if (rule === ruleId) return `rule ${ruleId}`;
  const [kind, subject] = rule.split(':');
  if (kind === 'signal') return SIGNAL_LABELS[subject as SignalKind] ?? subject;
  if (kind === 'pattern') return rule.split(',').map((r) => PATTERN_LABELS[r.split(':')[1] as Pattern] ?? r).join(', ');
  if (kind === 'guidance') return `guidance: ${PATTERN_LABELS[subject as Pattern] ?? subject}`;
  if (kind === 'assessment') return 'readiness assessment';
  if (kind === 'kpi') return 'KPI';
  if (kind === 'economics') return 'value and cost';
  return rule;
}
