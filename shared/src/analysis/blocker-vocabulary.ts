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
  // common acronyms and names of blocker topics (general enterprise usage)
  [/\b(?:subject[\s-]*matter experts?|smes?|domain experts?|specialists?)\b/g, 'sme'],
  [/\b(?:identity and access management|iam|role[\s-]*based access(?: control)?|rbac)\b/g, 'access'],
  [/\b(?:proofs? of concept|pocs?|mvp)\b/g, 'pilot'],
  [/\b(?:gdpr|data protection)\b/g, 'privacy'],
  [/\b(?:hipaa|regulatory|regulators?)\b/g, 'compliance'],
  [/\b(?:requests? for (?:proposals?|quotes?)|rfps?|rfqs?|tenders?)\b/g, 'procurement'],
  [/\b(?:total cost of ownership|tco)\b/g, 'budget'],
  [/\b(?:return on investment|roi|business case)\b/g, 'value'],
  [/\b(?:full[\s-]*time equivalents?|ftes?|head[\s-]*count)\b/g, 'headcount'],
  [/\b(?:standard operating procedures?|sops?|runbooks?|playbooks?)\b/g, 'procedure'],
  [/\b(?:speech[\s-]*to[\s-]*text|stt|asr)\b/g, 'transcription'],
  [/\b(?:interactive voice response|ivr)\b/g, 'ivr'],
  [/\b(?:data loss prevention|dlp)\b/g, 'dlp'],
  [/\b(?:optical character recognition|ocr)\b/g, 'ocr'],
  [/\b(?:knowledge transfer|hand[\s-]*over|hand[\s-]*off)\b/g, 'handover'],
  [/\b(?:quality assurance|qa)\b/g, 'testing'],
  [/\bon[\s-]*prem(?:ise|ises)?\b/g, 'onprem'],
  [/\b(?:non[\s-]*prod(?:uction)?|pre[\s-]*prod(?:uction)?)(?: env(?:ironment)?s?| instances?| tenants?)?\b/g, 'testenv'],
  [/\b(?:test|dev) (?:env|tenant|instance)s?\b/g, 'testenv'],
  [/\bresponse times?\b/g, 'latency'],
  [/\bapi keys?\b/g, 'credential'],
  [/\b(?:firewall rules?|firewalls?|allow[\s-]*list\w*|white[\s-]*list\w*)\b/g, 'firewall'],
  [/\bbuy[\s-]*in\b/g, 'buyin'],
  [/\b(?:gen ?ai|generative ai|chat ?gpt|gpt(?:-?[0-9o]+)?)\b/g, 'genai'],
  [/\b(legal|privacy|security|compliance|procurement|finance|hr|itdept|network|operations|ops|sales|support|marketing) (?:teams?|departments?|dept|function|colleagues|folks)\b/g, '$1'],
  [/\b(?:sensitive|confidential) (?:data|information|fields?|details)\b/g, 'pii'],
  [/\b(?:trade unions?|unions?|labou?r reps?|employee representatives?)\b/g, 'workscouncil'],
  [/\broll(?:ed|ing)?[\s-]*out\b/g, 'rollout'],
  [/\bblack[\s-]*box\b/g, 'explain'],
  [/\b(?:look|looks|looked|looking) (?:at|into|over)\b/g, 'review'],
  [/\b(?:hear|heard|hearing) back\b|\b(?:come|came|coming) back\b/g, 'pending'],
  [/\b(?:sort|sorts|sorted|sorting) out\b/g, 'fix'],
  [/\bset[\s-]*up\b/g, 'setup'],
  [/\b(?:get|gets|got|getting) hold of\b/g, 'access'],
  [/\b(?:pick|picks|picked|picking|take|takes|took|taken|taking) (?:\w+ ){0,2}up\b/g, 'adopt'],
  [/\bturn(?:s|ed|ing)? down\b/g, 'reject'],
  [/\bearly adopters?\b/g, 'enthusiast'],
  [/\btraining data(?:[\s-]*sets?)?\b/g, 'trainingdata'],
  [/\b(?:ground truth|gold(?:en)? (?:standard|set)|test sets?|eval(?:uation)? sets?)\b/g, 'testset'],
  [/\bdata[\s-]*sets?\b/g, 'data'],
  [/\b(?:data )?residency\b|\bdata sovereignty\b/g, 'residency'],
  [/\b(?:terms and conditions|t&cs?|terms of (?:use|service))\b/g, 'contract'],
  [/\b(?:intellectual property|copyright)\b/g, 'ipr'],
  [/\b(?:read|write|admin|edit) (?:access|rights|permissions?)\b/g, 'access'],
  [/\b(?:kubernetes|k8s|containers?|docker)\b/g, 'infrastructure'],
  [/\bcost cent(?:re|er)s?\b/g, 'budget'],
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
  kb: system(), ivr: system('telephony'),
  legal: of('team'), security: of('team'), compliance: of('team'), privacy: of('team'), procurement: of('team'), finance: of('team'),
  hr: of('team'), marketing: of('team', 'marketing'), brand: of('team', 'marketing'), itdept: of('team'), network: of('team', 'itdept'), workscouncil: of('team'),
  cab: of('team'), arb: of('team'), steering: of('team'), modelrisk: of('team', 'risk'), risk: of('team'), internalaudit: of('team'),
  operations: of('team'), sales: of('team'), callcentre: of('team', 'support'), support: of('team'), field: of('team'),
  sso: of('access'), mfa: of('access'), vpn: of('access'), serviceaccount: of('access'),
  contract: of('document'), dpa: of('document', 'contract'), dpia: of('document'), sow: of('document', 'contract'), nda: of('document', 'contract'),
  msa: of('document', 'contract'), sla: of('document', 'contract'), po: of('document'), invoice: of('document'),
  aht: of('metric'), csat: of('metric'), nps: of('metric'), fcr: of('metric'), kpi: of('metric'),
  german: of('language'), french: of('language'), spanish: of('language'), italian: of('language'), dutch: of('language'), english: of('language'), polish: of('language'), japanese: of('language'),
  datascientist: of('role'), sme: of('role'), dataengineer: of('role'), mlengineer: of('role'), productowner: of('role'), sponsor: of('role'), architect: of('role'),
  gpu: of('resource'), cpu: of('resource'), storage: of('resource'), memory: of('resource'), bandwidth: of('resource'),
  testenv: of('environment'), prodenv: of('environment'),
  customer: of('population'), employee: of('population'),
  phonecall: of('channel'), email: of('channel'), chat: of('channel'),
};

/** Words folded into one canonical token (after stemming). */
const GROUPS: Record<string, readonly string[]> = {
  // general blocker concepts, from common usage rather than from any labelled pair
  need: ['need', 'needed', 'require', 'required', 'requirement', 'necessary', 'mandatory'],
  priority: ['priority', 'prioritise', 'prioritize', 'deprioritise', 'deprioritize', 'competing', 'busy', 'workload', 'overloaded', 'firefighting', 'bandwidth'],
  leadership: ['leadership', 'executive', 'exec', 'director', 'vp', 'cxo', 'ceo', 'cfo', 'cio', 'cto', 'coo', 'management', 'senior'],
  reorg: ['reorg', 'reorganisation', 'reorganization', 'restructure', 'restructuring', 'reshuffle'],
  procurement: ['procurement', 'purchasing', 'purchase', 'buying', 'sourcing', 'procure', 'procured', 'buy', 'bought'],
  compliance: ['compliance', 'compliant', 'regulation', 'conformance'],
  infrastructure: ['infrastructure', 'infra', 'server', 'hosting', 'host', 'hosted', 'instance', 'vm', 'hardware'],
  value: ['value', 'benefit', 'benefits', 'saving', 'savings', 'payback'],
  pilot: ['pilot', 'trial', 'experiment'],
  testing: ['testing', 'test', 'tested', 'tester'],
  buyin: ['buyin', 'backing', 'commitment', 'committed'],
  unclear: ['unclear', 'unsure', 'sure', 'uncertain', 'unknown', 'undecided', 'unresolved', 'ambiguous', 'tbc', 'tbd', 'clarity', 'clarify', 'clarified'],
  issue: ['issue', 'problem', 'concern', 'obstacle', 'barrier', 'impediment', 'roadblock', 'blocker', 'challenge', 'worry', 'worried'],
  rollout: ['rollout', 'release', 'launch', 'golive', 'deployment'],
  past: ['past', 'historic', 'historical', 'previous', 'prior', 'archive', 'archived'],
  translation: ['translation', 'translate', 'localisation', 'localization', 'localise', 'localize'],
  bias: ['bias', 'biased', 'fairness', 'unfair', 'discrimination', 'discriminatory'],
  explain: ['explain', 'explainable', 'explainability', 'transparency', 'transparent', 'interpretable', 'interpretability'],
  migration: ['migration', 'migrate', 'upgrade', 'upgraded', 'replatform', 'cutover'],
  outage: ['outage', 'downtime', 'unstable', 'instability', 'crash', 'crashes', 'crashing', 'flaky'],
  fix: ['fix', 'fixed', 'resolve', 'resolved', 'solve', 'solved', 'address', 'addressed', 'workaround'],
  ingest: ['ingest', 'ingestion', 'upload', 'import', 'index', 'indexing', 'crawl'],
  complaint: ['complaint', 'complain', 'unhappy', 'dissatisfied', 'frustrated', 'frustration', 'annoyed'],
  scale: ['scale', 'scaling', 'expand', 'expansion', 'broader', 'wider', 'beyond'],
  clean: ['clean', 'cleanse', 'cleansing', 'cleanup', 'tidy', 'dedupe', 'deduplicate', 'deduplication'],
  retention: ['retention', 'retain', 'deletion', 'delete', 'purge'],
  residency: ['residency', 'sovereignty', 'region', 'regional', 'eu', 'onshore', 'offshore'],
  firewall: ['firewall', 'proxy', 'port', 'ports'],
  pending: ['pend', 'pending', 'wait', 'waiting', 'await', 'awaiting', 'outstanding', 'delay', 'delayed', 'stuck', 'stall', 'stalled', 'hold', 'progress', 'open', 'incomplete', 'unfinished', 'done', 'complete', 'completed', 'finish', 'finished', 'behind', 'overdue', 'queued', 'queue', 'slipping', 'slipped', 'postponed', 'postpone', 'ongoing', 'underway', 'dragging', 'chasing', 'chase', 'escalated', 'escalate', 'unanswered'],
  missing: ['missing', 'miss', 'unavailable', 'available', 'lack', 'lacking', 'lacks', 'absent', 'insufficient', 'exist', 'enough', 'none', 'nobody', 'no', 'shortage', 'short', 'gap', 'limited', 'nothing', 'absence', 'scarce', 'scarcity', 'shortfall', 'deficit', 'unfilled'],
  blocked: ['block', 'blocked', 'blocking', 'prevent', 'prevented', 'denied', 'deny', 'refuse', 'refused', 'unwilling', 'resist', 'reluctant', 'allowed', 'allow', 'forbid', 'forbidden', 'ban', 'banned', 'reject', 'rejected', 'veto', 'vetoed', 'objection', 'pushback', 'declined', 'decline', 'disallowed', 'prohibited', 'prohibit', 'restricted', 'restrict', 'halted', 'halt', 'objected', 'oppose', 'opposed', 'resistance', 'hesitant', 'refusal', 'rejection'],
  approval: ['approval', 'approve', 'approved', 'authorisation', 'authorization', 'authorise', 'authorize', 'grant', 'granted', 'clearance', 'sign', 'signed', 'unsigned', 'signature', 'agree', 'agreed', 'consent', 'permission', 'confirm', 'confirmed', 'define', 'defined', 'sanction', 'endorse', 'endorsed', 'accept', 'accepted', 'blessing', 'permit', 'okay', 'ratify', 'ratified', 'greenlit', 'greenlight', 'decision', 'decide', 'decided', 'ruling', 'align', 'aligned', 'alignment', 'consensus', 'ok'],
  review: ['review', 'reviewed', 'reviewing', 'questionnaire', 'assessment', 'assess', 'assessing', 'audit', 'evaluation', 'check', 'validation', 'validate', 'inspection', 'vetting', 'vet', 'scrutiny', 'evaluate', 'examination', 'screening', 'appraisal'],
  integration: ['integration', 'integrate', 'integrated', 'connector', 'connection', 'connect', 'connected', 'link', 'hookup', 'interface', 'feed', 'setup', 'api', 'apis', 'endpoint', 'wire', 'wired', 'wiring', 'sync', 'hook', 'hooked', 'middleware', 'webhook', 'interoperability', 'connectivity', 'plumbing', 'configure', 'configured', 'configuration', 'config', 'reach', 'unreachable'],
  access: ['access', 'credential', 'credentials', 'login', 'log', 'provision', 'provisioned', 'accessible', 'inaccessible', 'account', 'password', 'rights', 'authentication', 'authenticate', 'auth', 'entitlement', 'privilege', 'privileges'],
  sponsor: ['sponsor', 'sponsorship', 'champion'],
  manager: ['manager', 'supervisor', 'teamlead', 'lead'],
  enable: ['enable', 'enabled', 'activate', 'activated', 'switchedon'],
  break: ['break', 'breaks', 'broke', 'broken', 'interrupt', 'interrupts', 'fail', 'fails', 'failing'],
  provide: ['provide', 'provided', 'share', 'shared', 'send', 'sent', 'receive', 'received', 'deliver', 'delivered', 'hand', 'handed'],
  sample: ['sample', 'example'],
  build: ['build', 'built', 'create', 'created'],
  policy: ['policy', 'rule', 'guideline'],
  content: ['content', 'document', 'documentation', 'material', 'article'],
  data: ['data', 'dataset', 'record', 'information', 'info', 'corpus'],
  freeze: ['freeze', 'frozen', 'moratorium', 'embargo'],
  change: ['change', 'adapt', 'adjust', 'modify'],
  start: ['start', 'started', 'begin', 'begun', 'began', 'kickoff'],
  left: ['left', 'leave', 'leaving', 'departed', 'depart', 'quit', 'resigned', 'replaced', 'lost', 'lose', 'gone', 'exit', 'exited', 'resignation'],
  user: ['user', 'users', 'staff', 'employee', 'agent', 'agents', 'people', 'frontline', 'worker', 'colleague', 'rep', 'reps', 'analyst', 'operator', 'clerk', 'advisor', 'adviser', 'handler', 'caseworker', 'representative'],
  training: ['train', 'training', 'trained', 'enablement', 'course', 'session', 'workshop', 'tutorial', 'coaching', 'upskill', 'upskilling', 'educate', 'education', 'instruction', 'guidance', 'learning', 'teach', 'taught', 'induction', 'trainer', 'bootcamp', 'webinar', 'elearning'],
  budget: ['budget', 'funding', 'fund', 'money', 'spend', 'exhausted', 'cost', 'costs', 'capex', 'opex', 'financing', 'funded', 'unfunded', 'price', 'pricing', 'expensive', 'costly', 'afford', 'affordable', 'unaffordable', 'overspend', 'overrun', 'investment', 'invest', 'financial'],
  license: ['license', 'licence', 'subscription', 'seat'],
  latency: ['latency', 'slow', 'slowly', 'speed', 'performance', 'lag', 'second', 'seconds', 'fast', 'timeout', 'sluggish', 'minute', 'minutes', 'slowness', 'responsiveness', 'throughput', 'laggy', 'lags'],
  accuracy: ['accuracy', 'accurate', 'inaccurate', 'quality', 'error', 'errors', 'mistake', 'mistakes', 'wrong', 'poor', 'misclassified', 'precision', 'incorrect', 'inaccuracy', 'unreliable', 'reliability', 'bad', 'misclassify', 'misclassification', 'inconsistent', 'inconsistency', 'faulty', 'flawed', 'imprecise', 'subpar', 'irrelevant', 'nonsense', 'garbage', 'noisy', 'messy', 'dirty', 'duplicate', 'duplicates'],
  trust: ['trust', 'confidence', 'skeptical', 'sceptical', 'distrust', 'doubt', 'mistrust', 'suspicious', 'wary', 'credibility', 'faith'],
  workflow: ['workflow', 'process', 'procedure', 'way'],
  compute: ['compute', 'capacity', 'quota', 'cluster'],
  measure: ['measure', 'measured', 'measurement', 'metric', 'track', 'figure', 'baseline'],
  owner: ['owner', 'own', 'owns', 'ownership', 'accountable', 'responsible', 'upkeep', 'maintenance', 'maintain', 'updating', 'update', 'steward', 'custodian', 'maintainer'],
  export: ['export', 'extract', 'download', 'dump', 'pull'],
  reassigned: ['reassign', 'reassigned', 'redirected', 'pulled', 'moved', 'move', 'redeployed', 'seconded', 'reallocated', 'diverted'],
  engineer: ['engineer', 'developer', 'dev'],
  vendor: ['vendor', 'supplier', 'provider', 'partner', 'reseller', 'integrator', 'consultancy', 'outsourcer'],
  contract: ['contract', 'agreement', 'clause', 'liability', 'indemnity', 'indemnification'],
  expired: ['expired', 'expire', 'lapsed', 'lapse', 'ended', 'expiry', 'expiring', 'terminated', 'ending'],
  redact: ['redact', 'redacted', 'redaction', 'mask', 'masked', 'masking', 'anonymise', 'anonymize'],
  invent: ['invent', 'invents', 'hallucinated', 'hallucination', 'hallucinate', 'fabricate', 'fabricated'],
  outdated: ['outdated', 'stale', 'old', 'obsolete', 'legacy', 'superseded'],
  label: ['label', 'labelled', 'labeled', 'labelling', 'labeling', 'annotation', 'annotate', 'annotated'],
  role: ['role', 'headcount', 'requisition', 'hire', 'hiring', 'position', 'vacancy', 'vacant', 'recruit', 'recruitment', 'staffing', 'staffed', 'understaffed', 'resourcing', 'manpower', 'backfill'],
  use: ['use', 'using', 'usage', 'adopt', 'adoption', 'rely', 'ignore', 'ignored', 'uptake', 'engagement', 'engage', 'engaged', 'utilise', 'utilize', 'utilisation', 'utilization', 'unused', 'underused', 'underutilised', 'underutilized', 'avoid', 'bypass'],
  plugin: ['plugin', 'deploy', 'install', 'installed'],
  laptop: ['laptop', 'laptops', 'pc', 'pcs', 'desktop', 'device', 'devices'],
  schedule: ['schedule', 'scheduled', 'book', 'booked', 'date', 'planned', 'slot', 'calendar', 'timeline', 'scheduling', 'deadline', 'milestone', 'window'],
  ticket: ['ticket', 'tickets', 'incident', 'incidents'],
  answer: ['answer', 'answers', 'output', 'response', 'responses', 'reply', 'suggestion', 'suggestions', 'result', 'reply', 'recommendation', 'summary', 'summaries'],
  bot: ['bot', 'chatbot', 'assistant', 'tool', 'app', 'model', 'ai', 'genai', 'llm', 'solution', 'application', 'software'],
  customer: ['customer', 'customers', 'client', 'clients', 'consumer', 'policyholder', 'patient'],
  phonecall: ['calls', 'phone', 'line', 'voice', 'recording'],
  email: ['email', 'emails', 'mail'],
  lookup: ['lookup', 'look', 'find', 'tracking', 'search', 'retrieve', 'retrieval'],
  operations: ['ops', 'operations'],
  sales: ['sales'],
  support: ['support'],
  legal: ['legal', 'lawyer', 'counsel', 'attorney', 'law', 'solicitor', 'lawyers'],
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
    'since far yet still ' +
    // filler that says nothing about which blocker it is
    'only even really actually currently now today yesterday recently soon anymore longer ever what which who whom whose how why when where whether ' +
    'try tried trying tries able unable seems seem seemed quite rather bit somewhat basically week weeks month months day days ' +
    'urgent urgently asap critical like such same thing things something anything everything someone anyone everyone around across within'
  ).split(' '),
);

/** Status words say that something is wrong, not what: they barely count. */
export const STATUS_WORDS = new Set(['fix', 'pending', 'missing', 'blocked', 'approval', 'issue', 'problem', 'need', 'bot', 'time', 'pilot', 'schedule', 'high', 'low']);
/** Broad nouns that many different blockers share. */
export const GENERIC_WORDS = new Set(['review', 'access', 'integration', 'data', 'user', 'system', 'project', 'team', 'company', 'production', 'workflow', 'vendor', 'answer', 'customer', 'owner', 'business']);

/**
 * What kind of trouble a blocker is about. Two texts about different trouble with the same thing
 * ("managers not using the dashboard" / "managers not trained on the dashboard") are different
 * blockers, so a differing one vetoes an automatic link like a differing system does.
 */
export const PROBLEMS = new Set(['use', 'training', 'access', 'license', 'budget', 'latency', 'accuracy', 'trust', 'compute']);

/**
 * Families of near-synonym blocker concepts: different words, usually the same blocker ("security
 * review" / "security approval", "install the add-in" / "the release", "cannot log in" / "not
 * enabled"). A related concept counts for part of a match (RELATED_CREDIT in similarity.ts).
 * Only near-synonyms: neighbouring troubles (budget / procurement, vendor / contract, data /
 * export, staff left / role unfunded) are typical different blockers and are not related here.
 * Concepts, not entities: a different system or team is never "related".
 */
const FAMILIES: Record<string, readonly string[]> = {
  deployment: ['rollout', 'plugin', 'golive', 'change', 'migration'],
  sanction: ['approval', 'review', 'buyin'],
  entry: ['access', 'login', 'enable'],
};

export const RELATED: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FAMILIES).flatMap(([family, concepts]) => concepts.map((concept) => [concept, family])),
);
