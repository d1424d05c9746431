/** Domain vocabularies shared by the API, the database and the dashboard. */

export const ROLES = ['program_office', 'pilot_lead', 'executive', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const STAGES = ['proposed', 'piloting', 'scaling', 'production', 'paused', 'pivoted', 'killed'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a pilot moves forward through; paused / pivoted / killed sit outside this order. */
export const STAGE_ORDER: Record<Stage, number> = {
  proposed: 0,
  piloting: 1,
  scaling: 2,
  production: 3,
  paused: -1,
  pivoted: -1,
  killed: -1,
};

/** Stages in which a pilot is expected to post weekly updates. */
export const ACTIVE_STAGES: readonly Stage[] = ['piloting', 'scaling'];
/** Stages that end a pilot's life: nothing further happens to it. */
export const TERMINAL_STAGES: readonly Stage[] = ['production', 'pivoted', 'killed'];

export const COMPLEXITIES = ['best', 'typical', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];
/** A pilot of that complexity, for sentences ("the limit for a complex pilot"). */
export const COMPLEXITY_PILOT: Record<Complexity, string> = { best: 'a best-case pilot', typical: 'a typical pilot', complex: 'a complex pilot' };

/** Expected months from start to production for each complexity (lower and upper bound). */
export const COMPLEXITY_MONTHS: Record<Complexity, { min: number; max: number }> = {
  best: { min: 2, max: 3 },
  typical: { min: 4, max: 6 },
  complex: { min: 6, max: 12 },
};

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTHS)[number];

export const BLOCKER_CATEGORIES = [
  'sponsorship',
  'integration',
  'security_compliance',
  'adoption',
  'workflow',
  'data',
  'metrics',
  'budget',
  'other',
] as const;
export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];

export const BLOCKER_STATUSES = ['open', 'resolved'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];

export const KPI_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const USE_CASE_CATEGORIES = [
  'customer_service',
  'document_processing',
  'forecasting',
  'knowledge_search',
  'code_assist',
  'fraud_detection',
  'marketing_content',
  'process_automation',
  'other',
] as const;
export type UseCaseCategory = (typeof USE_CASE_CATEGORIES)[number];
