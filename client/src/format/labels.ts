import type { BlockerCategory, BlockerStatus, Complexity, Health, Stage, UseCaseCategory } from '@liftoff/shared';

/** Human wording for the contract's enum values; the values themselves come from @liftoff/shared. */
export const STAGE_LABELS: Record<Stage, string> = {
  proposed: 'Proposed',
  piloting: 'Piloting',
  scaling: 'Scaling',
  production: 'Production',
  paused: 'Paused',
  pivoted: 'Pivoted',
  killed: 'Killed',
};

export const HEALTH_LABELS: Record<Health, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

export const COMPLEXITY_LABELS: Record<Complexity, string> = {
  best: 'Best case',
  typical: 'Typical',
  complex: 'Complex',
};

export const BLOCKER_CATEGORY_LABELS: Record<BlockerCategory, string> = {
  sponsorship: 'Sponsorship',
  integration: 'Integration',
  security_compliance: 'Security & compliance',
  adoption: 'Adoption',
  workflow: 'Workflow',
  data: 'Data',
  metrics: 'Metrics',
  budget: 'Budget',
  other: 'Other',
};

export const BLOCKER_STATUS_LABELS: Record<BlockerStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
};

export const USE_CASE_LABELS: Record<UseCaseCategory, string> = {
  customer_service: 'Customer service',
  document_processing: 'Document processing',
  forecasting: 'Forecasting',
  knowledge_search: 'Knowledge search',
  code_assist: 'Code assist',
  fraud_detection: 'Fraud detection',
  marketing_content: 'Marketing content',
  process_automation: 'Process automation',
  other: 'Other',
};
