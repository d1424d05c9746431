import type { BlockerCategory, UseCaseCategory } from '@liftoff/shared';

/** Realistic vocabulary for the generated portfolio. */
export const BUSINESS_UNITS = ['Customer Operations', 'Finance', 'Sales & Marketing', 'Supply Chain', 'HR & People', 'Risk & Compliance'];

export const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe'];
export const LAST_NAMES = ['Almeida', 'Brooks', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ibrahim', 'Jansen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Novak'];

export const USE_CASES: { name: string; category: UseCaseCategory; systems: string[] }[] = [
  { name: 'Email triage assistant', category: 'customer_service', systems: ['CRM'] },
  { name: 'Invoice data extraction', category: 'document_processing', systems: ['ERP'] },
  { name: 'Churn early-warning model', category: 'forecasting', systems: ['CRM', 'data warehouse'] },
  { name: 'Policy Q&A copilot', category: 'knowledge_search', systems: ['intranet'] },
  { name: 'Developer code review helper', category: 'code_assist', systems: ['source control'] },
  { name: 'Payment anomaly detector', category: 'fraud_detection', systems: ['payments platform', 'data warehouse'] },
  { name: 'Product description writer', category: 'marketing_content', systems: ['PIM'] },
  { name: 'Purchase order automation', category: 'process_automation', systems: ['ERP'] },
  { name: 'Call summarisation', category: 'customer_service', systems: ['contact centre platform', 'CRM'] },
  { name: 'Contract review assistant', category: 'document_processing', systems: ['document management'] },
  { name: 'Inventory demand forecast', category: 'forecasting', systems: ['ERP', 'data warehouse'] },
  { name: 'HR helpdesk chatbot', category: 'knowledge_search', systems: ['HRIS'] },
  { name: 'Test case generator', category: 'code_assist', systems: ['CI pipeline'] },
  { name: 'KYC document checker', category: 'fraud_detection', systems: ['case management'] },
  { name: 'Campaign audience builder', category: 'marketing_content', systems: ['CRM', 'marketing automation'] },
  { name: 'Expense audit automation', category: 'process_automation', systems: ['ERP'] },
];

export const REGIONS = ['EMEA', 'North America', 'APAC', 'LATAM', 'Nordics', 'DACH'];

export const ROUTINE_BLOCKERS: { text: string; category: BlockerCategory }[] = [
  { text: 'Security review of the vendor model still pending', category: 'security_compliance' },
  { text: 'Training data has gaps for two product lines', category: 'data' },
  { text: 'Team lead on leave, fewer test sessions this week', category: 'other' },
  { text: 'Need sign-off from works council on usage logging', category: 'security_compliance' },
  { text: 'API rate limits slow down the nightly batch', category: 'integration' },
  { text: 'Users unsure when to trust the suggestions', category: 'adoption' },
  { text: 'Budget for extra GPU hours not yet approved', category: 'budget' },
  { text: 'Process owners have not agreed the new hand-off step', category: 'workflow' },
];

export const SUMMARIES = {
  on_track: ['Usage grew steadily; feedback sessions went well.', 'Hit this week\'s milestones; accuracy holding.', 'Rolled out to another team with no issues.'],
  at_risk: ['Progress slower than planned; waiting on dependencies.', 'Accuracy dipped after the data refresh; investigating.', 'Fewer active users this week.'],
  off_track: ['Blocked most of the week; little progress.', 'Key dependency slipped again; timeline at risk.', 'Team pulled onto other work; pilot paused in practice.'],
} as const;

/**
 * Blockers as leads retype them week after week: the first wording names the blocker in the register,
 * the others are how the same lead put it in later updates. Every wording links to the first under
 * the blocker matcher (checked in portfolio-generator.spec.ts).
 */
export const REWORDED_BLOCKERS = {
  crmAccess: { category: 'integration', wordings: ['Waiting on CRM API access from central IT', 'Still no CRM API access, central IT has not granted it', 'Central IT has not provisioned our CRM API credentials', 'CRM API access still pending with central IT', 'Chased central IT again about the CRM API access', 'Blocked on central IT for CRM API permissions'] },
  oldTemplate: { category: 'workflow', wordings: ['Claims handlers still copy drafts into the old letter template', 'Claims handlers still pasting drafts into the old letter template', 'Drafts still copied into the old letter template by claims handlers', 'Old letter template still in use, handlers copy the drafts in'] },
  crewOnly: { category: 'adoption', wordings: ['Technicians outside the pilot crew are not using the bot', 'Almost no technicians outside the pilot crew are using the bot', 'Technicians outside the pilot crew still not using the bot', 'Hardly any technicians outside the pilot crew use the bot'] },
  noSponsor: { category: 'sponsorship', wordings: ['No executive has agreed to sponsor the rollout', 'Still no executive willing to sponsor the rollout', 'Rollout has no executive sponsor yet', 'Need an executive to sponsor the rollout'] },
  noBaseline: { category: 'metrics', wordings: ['No baseline for forecast error to compare against', 'Forecast error baseline still not measured', 'Still no baseline forecast error to measure against'] },
  recordingReview: { category: 'security_compliance', wordings: ['Security review of call recordings not signed off', 'Call recording security review still awaiting sign-off', 'Infosec has not approved the call recording review', 'Security sign-off for call recordings still pending'] },
  gpuBudget: { category: 'budget', wordings: ['GPU budget for the rollout not approved', 'GPU budget for the rollout still awaiting approval', 'Rollout GPU budget still not approved by finance'] },
  supplierData: { category: 'data', wordings: ['Supplier master data is incomplete for half the vendors', 'Half the vendors still missing from supplier master data', 'Supplier master data gaps for about half the vendors'] },
  vendorSecurity: { category: 'security_compliance', wordings: ['Security review of the vendor model still pending', 'Vendor model security review not finished yet', 'Still waiting on the security review of the vendor model', 'Infosec still reviewing the vendor model'] },
  worksCouncil: { category: 'security_compliance', wordings: ['Need sign-off from works council on usage logging', 'Works council has not approved the usage logging', 'Usage logging still awaiting works council approval', 'Works council sign-off on usage logs outstanding'] },
  handOff: { category: 'workflow', wordings: ['Process owners have not agreed the new hand-off step', 'New hand-off step still not agreed by process owners', 'Hand-off step change still waiting on the process owners', 'Process owners still have not agreed the hand-off step'] },
} as const satisfies Record<string, { category: BlockerCategory; wordings: readonly string[] }>;

export type RewordedBlockerKey = keyof typeof REWORDED_BLOCKERS;

/** Stories a struggling random pilot may keep reporting (demo portfolio only). */
export const RANDOM_REWORDED: readonly RewordedBlockerKey[] = ['vendorSecurity', 'worksCouncil', 'handOff', 'gpuBudget'];
