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
