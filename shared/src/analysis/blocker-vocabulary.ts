/**
 * The vocabulary the blocker matcher knows: acronyms and multi-word names folded into one concept,
 * synonyms of blocker talk, and the named things (systems, teams, documents, metrics...) whose
 * difference means a different blocker. Written from general enterprise usage, not from the
 * held-out pairs; add to it when leads use a system or team it does not know (see
 * docs/ANALYSIS-matching.md).
 */

/**
 * Phrases and acronyms folded into one concept token before tokenising. Order matters: longer
 * phrases first. Acronyms and their expansions fold to the same token ("AHT" = "average handling time").
 */
export const PHRASES: readonly [RegExp, string][] = [
  // systems and products
  [/\bazure open ?ai\b/g, 'azureopenai'],
  [/\b(?:aws )?bedrock\b/g, 'bedrock'],
  [/\b(?:microsoft |ms |m365 )?copilot\b/g, 'copilot'],
  [/\b(?:microsoft |ms )teams\b/g, 'msteams'],
  [/\bpower ?bi\b/g, 'powerbi'],
  [/\b(?:azure ad|azure active directory|entra(?: id)?|active directory)\b/g, 'azuread'],
  [/\bdynamics(?: 365)?(?: crm)?\b/g, 'dynamics'],
  [/\bservice ?now\b/g, 'servicenow'],
  [/\bsuccess ?factors\b/g, 'successfactors'],
  [/\bs\/?4 ?hana\b/g, 'sap'],
  [/\bgoogle cloud\b/g, 'gcp'],
  [/\bamazon connect\b/g, 'amazonconnect'],
  [/\b(?:data warehouse|warehouse|data lake|lakehouse)\b/g, 'warehouse'],
  [/\b(?:identity provider|idp)\b/g, 'idp'],
  [/\b(?:hr system|hris|hcm)\b/g, 'hcm'],
  [/\b(?:knowledge base|kb|help articles?|help centre|help center)\b/g, 'kb'],
  [/\b(?:add-?ins?|plug-?ins?|extensions?)\b/g, 'plugin'],
  // access methods
  [/\bsingle[\s-]*sign[\s-]*on\b/g, 'sso'],
  [/\b(?:multi[\s-]*factor|two[\s-]*factor|2fa|mfa)(?: authentication| auth)?\b/g, 'mfa'],
  [/\bservice accounts?\b/g, 'serviceaccount'],
  // teams, boards and roles
  [/\bchange advisory board\b/g, 'cab'],
  [/\b(?:architecture review board|design authority|arb)\b/g, 'arb'],
  [/\b(?:steering committee|steerco|steering group|steering meetings?)\b/g, 'steering'],
  [/\b(?:works council|employee council|betriebsrat)\b/g, 'workscouncil'],
  [/\b(?:model risk management|model risk team|model risk|mrm)\b/g, 'modelrisk'],
  [/\binternal audit\b/g, 'internalaudit'],
  [/\b(?:itdept security|information security|it security|cyber ?security|infosec|secops|ciso)\b/g, 'security'],
  [/\b(?:human resources|people team)\b/g, 'hr'],
  [/\baccounts payable\b/g, 'finance'],
  [/\b(?:data protection officer|dpo|privacy team)\b/g, 'privacy'],
  [/\b(?:network team|networking team)\b/g, 'network'],
  [/\b(?:desktop team|end[\s-]*user computing|euc)\b/g, 'itdept'],
  [/\b(?:contact cent(?:re|er)|call cent(?:re|er)|service desk)\b/g, 'callcentre'],
  [/\b(?:field engineers?|field service|field team)\b/g, 'field'],
  [/\bdata scientists?\b/g, 'datascientist'],
  [/\bdata engineers?\b/g, 'dataengineer'],
  [/\b(?:ml|machine learning) engineers?\b/g, 'mlengineer'],
  [/\bproduct owners?\b/g, 'productowner'],
  [/\b(?:executive sponsor|exec sponsor|business sponsor|exec champion|executive champion)\b/g, 'sponsor'],
  // documents and agreements
  [/\b(?:data processing agreements?|dpa)\b/g, 'dpa'],
  [/\b(?:data protection impact assessments?|privacy impact assessments?|dpia)\b/g, 'dpia'],
  [/\b(?:statements? of work|sow)\b/g, 'sow'],
  [/\b(?:non[\s-]*disclosure agreements?|nda)\b/g, 'nda'],
  [/\b(?:master services? agreements?|msa)\b/g, 'msa'],
  [/\b(?:service[\s-]*level agreements?|sla|uptime commitments?)\b/g, 'sla'],
  [/\b(?:purchase orders?|po)\b/g, 'po'],
  // metrics
  [/\b(?:average handl(?:e|ing) times?|handl(?:e|ing) times?|aht)\b/g, 'aht'],
  [/\b(?:customer satisfaction(?: score)?|csat)\b/g, 'csat'],
  [/\b(?:net promoter score|nps)\b/g, 'nps'],
  [/\b(?:first contact resolution|first call resolution|fcr)\b/g, 'fcr'],
  [/\b(?:key performance indicators?|kpis?|success metrics?|success criteria)\b/g, 'kpi'],
  // environments and data
  [/\b(?:test|testing|staging|uat|sandbox|dev) environments?\b/g, 'testenv'],
  [/\b(?:staging|uat|sandbox)\b/g, 'testenv'],
  [/\b(?:production|prod|live) environments?\b/g, 'prodenv'],
  [/\b(?:personal data|personally identifiable information|pii|customer details|personal details)\b/g, 'pii'],
  [/\b(?:pen[\s-]*tests?|penetration tests?|penetration testing)\b/g, 'pentest'],
  [/\bload tests?\b/g, 'loadtest'],
  [/\b(?:rate limits?|throttl\w*|token limits?)\b/g, 'ratelimit'],
  // blocker talk
  [/\b(?:sign[\s-]*off|signed off|green light|go[\s-]*ahead)\b/g, 'approval'],
  [/\bgo[\s-]*live\b/g, 'golive'],
  [/\bend[\s-]*users?\b/g, 'user'],
  [/\b(?:make|makes|made|making) up\b/g, 'invent'],
  [/\b(?:team leads?|line managers?)\b/g, 'teamlead'],
  [/\b(?:switched|turned) on\b/g, 'switchedon'],
  [/\b(?:log|logging|sign|signing) ?(?:in|on)\b/g, 'login'],
  [/\bpush(?:ing)? back\b/g, 'pushback'],
  [/\bpulled off\b/g, 'reassigned'],
  [/\b(?:go|goes|going|pass|passes) through\b/g, 'approval'],
  [/\bthird[\s-]*part(?:y|ies)\b/g, 'vendor'],
  [/\blive calls?\b/g, 'calls'],
  [/\bran out\b/g, 'expired'],
  [/\bout of date\b/g, 'outdated'],
  [/\bkicked off\b/g, 'started'],
  [/\bpicked \w+ up\b/g, 'adopt'],
  [/\b(?:can't|cannot|won't|don't|doesn't|didn't|isn't|aren't|hasn't|haven't|wasn't|will not|do not|does not|has not|have not|is not|are not)\b/g, ' '],
];

/** What kind of named thing a concept is; two different things of one kind are different blockers. */
export type EntityKind = 'problem' | 'resource' | 'system' | 'team' | 'access' | 'document' | 'metric' | 'language' | 'role' | 'environment' | 'population' | 'channel';

interface EntityEntry {
  kind: EntityKind;
  /** Broader names it is an instance of: "salesforce" is a CRM, so "CRM" and "Salesforce" agree. */
  broader?: readonly string[];
}

const system = (...broader: string[]): EntityEntry => ({ kind: 'system', broader });
const of = (kind: EntityKind, ...broader: string[]): EntityEntry => ({ kind, broader });

export const ENTITIES: Readonly<Record<string, EntityEntry>> = {
  crm: system(), salesforce: system('crm'), hubspot: system('crm'), dynamics: system('crm'), pipedrive: system('crm'),
  erp: system(), sap: system('erp'), oracle: system('erp'), netsuite: system('erp'),
  hcm: system(), workday: system('hcm'), successfactors: system('hcm'),
  servicenow: system('ticketing'), zendesk: system('ticketing'), freshdesk: system('ticketing'), jira: system('ticketing'), ticketing: system(),
  confluence: system('wiki'), sharepoint: system('wiki'), notion: system('wiki'), wiki: system(),
  warehouse: system(), snowflake: system('warehouse'), databricks: system('warehouse'), bigquery: system('warehouse'), redshift: system('warehouse'),
  idp: system(), okta: system('idp'), azuread: system('idp'),
  telephony: system(), genesys: system('telephony'), avaya: system('telephony'), five9: system('telephony'), amazonconnect: system('telephony'), twilio: system('telephony'),
  cloud: system(), aws: system('cloud'), azure: system('cloud'), gcp: system('cloud'),
  llm: system(), azureopenai: system('llm', 'azure'), openai: system('llm'), bedrock: system('llm', 'aws'), gemini: system('llm'),
  copilot: system(), powerbi: system('bi'), tableau: system('bi'), looker: system('bi'), bi: system(), msteams: system(), slack: system(), outlook: system(), excel: system(),
  kb: system(),
  legal: of('team'), security: of('team'), compliance: of('team'), privacy: of('team'), procurement: of('team'), finance: of('team'),
  hr: of('team'), marketing: of('team', 'marketing'), brand: of('team', 'marketing'), itdept: of('team'), network: of('team', 'itdept'), workscouncil: of('team'),
  cab: of('team'), arb: of('team'), steering: of('team'), modelrisk: of('team', 'risk'), risk: of('team'), internalaudit: of('team'),
  operations: of('team'), sales: of('team'), callcentre: of('team', 'support'), support: of('team'), field: of('team'),
  sso: of('access'), mfa: of('access'), vpn: of('access'), serviceaccount: of('access'),
  contract: of('document'), dpa: of('document', 'contract'), dpia: of('document'), sow: of('document', 'contract'), nda: of('document', 'contract'),
  msa: of('document', 'contract'), sla: of('document', 'contract'), po: of('document'), invoice: of('document'),
  aht: of('metric'), csat: of('metric'), nps: of('metric'), fcr: of('metric'), kpi: of('metric'),
  german: of('language'), french: of('language'), spanish: of('language'), italian: of('language'), dutch: of('language'), english: of('language'), polish: of('language'), japanese: of('language'),
  datascientist: of('role'), dataengineer: of('role'), mlengineer: of('role'), productowner: of('role'), sponsor: of('role'), architect: of('role'),
  gpu: of('resource'), cpu: of('resource'), storage: of('resource'), memory: of('resource'), bandwidth: of('resource'),
  testenv: of('environment'), prodenv: of('environment'),
  customer: of('population'), employee: of('population'),
  phonecall: of('channel'), email: of('channel'), chat: of('channel'),
};

/** Words folded into one canonical token (after stemming). */
const GROUPS: Record<string, readonly string[]> = {
  pending: ['pend', 'pending', 'wait', 'waiting', 'await', 'awaiting', 'outstanding', 'delay', 'delayed', 'stuck', 'stall', 'stalled', 'hold', 'progress', 'open', 'incomplete', 'unfinished', 'done', 'complete', 'completed', 'finish', 'finished', 'behind', 'overdue', 'queued', 'queue', 'slipping', 'slipped', 'postponed', 'postpone'],
  missing: ['missing', 'miss', 'unavailable', 'available', 'lack', 'lacking', 'lacks', 'absent', 'insufficient', 'exist', 'enough', 'none', 'nobody', 'no', 'shortage', 'short', 'gap', 'limited'],
  blocked: ['block', 'blocked', 'blocking', 'prevent', 'prevented', 'denied', 'deny', 'refuse', 'refused', 'unwilling', 'resist', 'reluctant', 'allowed', 'allow', 'forbid', 'forbidden', 'ban', 'banned', 'reject', 'rejected', 'veto', 'vetoed', 'objection', 'pushback'],
  approval: ['approval', 'approve', 'approved', 'authorisation', 'authorization', 'authorise', 'authorize', 'grant', 'granted', 'clearance', 'sign', 'signed', 'unsigned', 'signature', 'agree', 'agreed', 'consent', 'permission', 'confirm', 'confirmed', 'define', 'defined', 'sanction', 'endorse', 'endorsed', 'accept', 'accepted', 'blessing'],
  review: ['review', 'reviewed', 'reviewing', 'questionnaire', 'assessment', 'assess', 'assessing', 'audit', 'evaluation', 'check', 'validation', 'validate'],
  integration: ['integration', 'integrate', 'integrated', 'connector', 'connection', 'connect', 'connected', 'link', 'hookup', 'interface', 'feed', 'setup', 'api', 'apis', 'endpoint', 'wire', 'wired', 'wiring', 'sync', 'hook', 'hooked'],
  access: ['access', 'credential', 'credentials', 'login', 'log', 'provision', 'provisioned', 'accessible', 'inaccessible', 'account', 'password', 'rights'],
  sponsor: ['sponsor', 'sponsorship', 'champion'],
  manager: ['manager', 'supervisor', 'teamlead', 'lead'],
  enable: ['enable', 'enabled', 'activate', 'activated', 'switchedon'],
  break: ['break', 'breaks', 'broke', 'broken', 'interrupt', 'interrupts', 'fail', 'fails', 'failing'],
  provide: ['provide', 'provided', 'share', 'shared', 'send', 'sent'],
  sample: ['sample', 'example'],
  build: ['build', 'built', 'create', 'created'],
  policy: ['policy', 'rule', 'guideline'],
  content: ['content', 'document', 'documentation', 'material', 'article'],
  data: ['data', 'dataset', 'record'],
  freeze: ['freeze', 'frozen', 'moratorium', 'embargo'],
  change: ['change', 'adapt', 'adjust', 'modify'],
  start: ['start', 'started', 'begin', 'begun', 'began', 'kickoff'],
  left: ['left', 'leave', 'leaving', 'departed', 'depart', 'quit', 'resigned', 'replaced', 'lost', 'lose', 'gone', 'exit', 'exited', 'resignation'],
  user: ['user', 'users', 'staff', 'employee', 'agent', 'agents', 'people', 'frontline', 'worker', 'colleague', 'rep', 'reps'],
  training: ['train', 'training', 'trained', 'enablement', 'course', 'session', 'workshop', 'tutorial', 'coaching', 'upskill', 'upskilling', 'educate', 'education'],
  budget: ['budget', 'funding', 'fund', 'money', 'spend', 'exhausted', 'cost', 'costs', 'capex', 'opex', 'financing', 'funded', 'unfunded'],
  license: ['license', 'licence', 'subscription', 'seat'],
  latency: ['latency', 'slow', 'slowly', 'speed', 'performance', 'lag', 'second', 'seconds', 'fast', 'timeout', 'sluggish'],
  accuracy: ['accuracy', 'accurate', 'inaccurate', 'quality', 'error', 'errors', 'mistake', 'mistakes', 'wrong', 'poor', 'misclassified', 'precision', 'incorrect', 'inaccuracy', 'unreliable', 'reliability', 'bad', 'misclassify', 'misclassification'],
  trust: ['trust', 'confidence', 'skeptical', 'sceptical', 'distrust', 'doubt', 'mistrust', 'suspicious', 'wary', 'credibility', 'faith'],
  workflow: ['workflow', 'process', 'procedure', 'way'],
  compute: ['compute', 'capacity', 'quota', 'cluster'],
  measure: ['measure', 'measured', 'measurement', 'metric', 'track', 'figure', 'baseline'],
  owner: ['owner', 'own', 'owns', 'ownership', 'accountable', 'responsible', 'upkeep', 'maintenance', 'maintain', 'updating', 'update', 'steward', 'custodian', 'maintainer'],
  export: ['export', 'extract', 'download', 'dump', 'pull'],
  reassigned: ['reassign', 'reassigned', 'redirected', 'pulled', 'moved', 'move', 'redeployed', 'seconded', 'reallocated', 'diverted'],
  engineer: ['engineer', 'developer', 'dev'],
  vendor: ['vendor', 'supplier', 'provider', 'partner'],
  contract: ['contract', 'agreement'],
  expired: ['expired', 'expire', 'lapsed', 'lapse', 'ended', 'expiry', 'expiring', 'terminated', 'ending'],
  redact: ['redact', 'redacted', 'redaction', 'mask', 'masked', 'masking', 'anonymise', 'anonymize'],
  invent: ['invent', 'invents', 'hallucinated', 'hallucination', 'hallucinate', 'fabricate', 'fabricated'],
  outdated: ['outdated', 'stale', 'old', 'obsolete'],
  label: ['label', 'labelled', 'labeled', 'labelling', 'labeling', 'annotation', 'annotate', 'annotated'],
  role: ['role', 'headcount', 'requisition', 'hire', 'hiring', 'position', 'vacancy', 'vacant', 'recruit', 'recruitment'],
  use: ['use', 'using', 'usage', 'adopt', 'adoption', 'rely', 'ignore', 'ignored', 'uptake', 'engagement', 'engage', 'engaged'],
  plugin: ['plugin', 'deploy', 'install', 'installed'],
  laptop: ['laptop', 'laptops', 'pc', 'pcs', 'desktop', 'device', 'devices'],
  schedule: ['schedule', 'scheduled', 'book', 'booked', 'date', 'planned', 'slot', 'calendar', 'timeline', 'scheduling'],
  ticket: ['ticket', 'tickets', 'incident', 'incidents'],
  answer: ['answer', 'answers', 'output', 'response', 'responses', 'reply', 'suggestion', 'suggestions', 'result', 'reply', 'recommendation', 'summary', 'summaries'],
  bot: ['bot', 'chatbot', 'assistant', 'tool', 'app', 'model', 'ai', 'genai', 'llm', 'solution'],
  customer: ['customer', 'customers', 'client', 'clients', 'consumer', 'policyholder', 'patient'],
  phonecall: ['calls', 'phone', 'line', 'voice', 'recording'],
  email: ['email', 'emails', 'mail'],
  lookup: ['lookup', 'look', 'find', 'tracking'],
  operations: ['ops', 'operations'],
  sales: ['sales'],
  support: ['support'],
  legal: ['legal', 'lawyer', 'counsel', 'attorney'],
  german: ['german', 'germany'],
  french: ['french', 'france'],
  spanish: ['spanish', 'spain'],
};

export const SYNONYMS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(GROUPS).flatMap(([canonical, variants]) => variants.map((variant) => [variant, canonical])),
);

export const STOP_WORDS = new Set(
  ('a an the and or but of to in on at by for from with without into onto over under about after before ' +
    'is are was were be been being has have had do does did will would can could should may might must ' +
    'this that these those it its they them their there here we our us you your he she his her i me my ' +
    'not nor never already again also just very too so than then as any some ' +
    'all both each due because while until up out off get got getting keep keeps kept being make made ' +
    'lot lots many much more most less least one two three new other another among during via per ' +
    'since far yet still'
  ).split(' '),
);

/** Status words say that something is wrong, not what: they barely count. */
export const STATUS_WORDS = new Set(['pending', 'missing', 'blocked', 'approval', 'issue', 'problem', 'need', 'bot', 'time', 'pilot', 'schedule', 'high', 'low']);
/** Broad nouns that many different blockers share. */
export const GENERIC_WORDS = new Set(['review', 'access', 'integration', 'data', 'user', 'system', 'project', 'team', 'company', 'production', 'workflow', 'vendor', 'answer', 'customer', 'owner', 'business']);

/**
 * What kind of trouble a blocker is about. Two texts about different trouble with the same thing
 * ("managers not using the dashboard" / "managers not trained on the dashboard") are different
 * blockers, so a differing one vetoes an automatic link like a differing system does.
 */
export const PROBLEMS = new Set(['use', 'training', 'access', 'license', 'budget', 'latency', 'accuracy', 'trust', 'compute']);
