/**
 * Labelled blocker wordings for measuring the matcher (see blocker-matching.spec.ts). Each case is
 * an open blocker as first reported, later wordings of the same blocker by leads ("same": rewordings,
 * acronym expansions, paraphrases that share few words) and different blockers that a word-overlap
 * matcher would take for it ("different": mostly one system, team or entity swapped). Each case
 * gives 2 same-meaning and 2 different pairs.
 *
 * All 54 cases were written in one sitting before the matcher was built, and split by position
 * (odd-numbered cases tune, even-numbered are held out). Only the tuning half was looked at pair by
 * pair while tuning; the held-out half is measured as written, whatever it scores.
 */

export interface BlockerCase {
  /** The open blocker as the lead first typed it. */
  blocker: string;
  /** Later wordings of the same blocker. */
  same: readonly string[];
  /** Different blockers that share words, a kind of system or a status with it. */
  different: readonly string[];
}

export const TUNING_CASES: readonly BlockerCase[] = [
  {
    blocker: 'CRM integration API not available',
    same: ['Salesforce API access still missing', 'Still cannot call the CRM from the assistant'],
    different: ['ERP integration API not available', 'CRM licence renewal not approved'],
  },
  {
    blocker: 'SSO for the pilot app not enabled',
    same: ['Single sign-on still not switched on for the pilot', 'Users cannot log in with their corporate SSO yet'],
    different: ['MFA for the pilot app not enabled', 'SSO for the vendor admin portal not enabled'],
  },
  {
    blocker: 'AHT baseline not measured',
    same: ['No baseline yet for average handling time', 'We still lack a before figure for average handle time'],
    different: ['CSAT baseline not measured', 'AHT target not agreed with operations'],
  },
  {
    blocker: 'Change must go through CAB',
    same: ['Waiting for change advisory board approval of the deployment', 'CAB slot for the release not booked yet'],
    different: ['Change must go through the architecture review board', 'Steering committee has not met this month'],
  },
  {
    blocker: 'Agents do not trust the suggestions',
    same: ['Support agents ignore the AI answers because they doubt them', 'Low confidence in the assistant among frontline agents'],
    different: ['Agents do not have time for training', 'Managers do not trust the productivity figures'],
  },
  {
    blocker: 'No executive sponsor',
    same: ['Sponsor left and nobody has replaced her', 'We lost our exec champion in the reorg'],
    different: ['No executive approval for the budget', 'No product owner on the business side'],
  },
  {
    blocker: 'Zendesk ticket export not available',
    same: ['Cannot pull historic tickets out of Zendesk', 'Zendesk export of past tickets still blocked'],
    different: ['Jira ticket export not available', 'Zendesk agents not using the assistant'],
  },
  {
    blocker: 'Model answers in German are poor',
    same: ['German responses contain too many mistakes', 'Quality of German output not good enough'],
    different: ['Model answers in French are poor', 'German UI translation not finished'],
  },
  {
    blocker: 'Okta integration not finished',
    same: ['Okta SSO setup still in progress', 'Identity provider (Okta) hookup outstanding'],
    different: ['Azure AD integration not finished', 'Okta licences for contractors not bought'],
  },
  {
    blocker: 'No agreed success metrics',
    same: ['KPIs for the pilot not defined yet', 'Business has not agreed how success will be measured'],
    different: ['No agreed rollout date', 'No agreed owner for the model after go-live'],
  },
  {
    blocker: 'Budget for year two not approved',
    same: ['No funding confirmed beyond this year', 'Finance has not signed off next year\'s budget'],
    different: ['Budget for extra licences not approved', 'Year two roadmap not agreed'],
  },
  {
    blocker: 'PII in call transcripts must be masked',
    same: ['Personal data in transcripts not redacted yet', 'Redaction of customer details in transcripts outstanding'],
    different: ['PII in email archives must be masked', 'Call transcripts missing for last month'],
  },
  {
    blocker: 'SOW with the vendor not signed',
    same: ['Statement of work still unsigned', 'Vendor statement of work waiting for signature'],
    different: ['NDA with the vendor not signed', 'SOW scope disagreement on support hours'],
  },
  {
    blocker: 'Frontline managers not using the dashboard',
    same: ['Team leads ignore the new dashboard', 'Supervisors still rely on the old Excel report instead of the dashboard'],
    different: ['Frontline managers not trained on the dashboard', 'Executives not using the dashboard'],
  },
  {
    blocker: 'MFA prompts break the bot login',
    same: ['Multi-factor authentication interrupts the service account', 'Bot login fails because of two-factor prompts'],
    different: ['SSO redirects break the bot login', 'MFA rollout delayed for contractors'],
  },
  {
    blocker: 'Hallucinated policy answers',
    same: ['Bot invents policy details that do not exist', 'Assistant makes up rules that are not in our policies'],
    different: ['Policy documents not loaded', 'Hallucinated product prices'],
  },
  {
    blocker: 'Test environment not available',
    same: ['No staging environment to try the model', 'UAT environment still not provisioned'],
    different: ['Production environment not available', 'Test data not available'],
  },
  {
    blocker: 'Procurement onboarding of the vendor stalled',
    same: ['Vendor still not set up in the supplier system', 'Supplier onboarding stuck with procurement'],
    different: ['Security onboarding of the vendor stalled', 'Procurement freeze on new hardware'],
  },
  {
    blocker: 'Finance team has not provided invoice samples',
    same: ['Still waiting for example invoices from finance', 'No invoice data shared by accounts payable yet'],
    different: ['Legal team has not provided contract samples', 'Finance team has not provided budget codes'],
  },
  {
    blocker: 'Translation vendor contract expired',
    same: ['Contract with the translation provider ran out', 'Translation supplier agreement lapsed last month'],
    different: ['Cloud vendor contract expired', 'Translation quality complaints from Spain'],
  },
  {
    blocker: 'IT will not install the plugin on laptops',
    same: ['Desktop team refuses to deploy the Outlook add-in', 'Add-in not allowed on managed laptops by IT'],
    different: ['IT will not install the plugin on the call centre PCs', 'IT will not extend the VPN to contractors'],
  },
  {
    blocker: 'Pilot users lack Copilot licences',
    same: ['Not enough Microsoft Copilot seats for the pilot group', 'Copilot licences not assigned to the test users'],
    different: ['Pilot users lack Power BI licences', 'Copilot licences cost more than planned'],
  },
  {
    blocker: 'Customer consent for call recording unclear',
    same: ['Not sure we have permission to record customer calls', 'Legal basis for recording calls not confirmed'],
    different: ['Employee consent for call recording unclear', 'Call recording storage full'],
  },
  {
    blocker: 'Only the pilot team uses the tool',
    same: ['Nobody outside the project team has picked the assistant up', 'Usage limited to the enthusiasts in the core team'],
    different: ['Only the pilot team has access to the data', 'Only the pilot team knows the rollout date'],
  },
  {
    blocker: 'Jira integration not built',
    same: ['Bot cannot create Jira tickets yet', 'Connector to Jira still missing'],
    different: ['Confluence integration not built', 'Jira project permissions wrong'],
  },
  {
    blocker: 'Ops team refuses to change the triage process',
    same: ['Operations will not adapt the triage workflow', 'Triage still done the old way, ops unwilling to move'],
    different: ['Ops team refuses to change the shift pattern', 'IT team refuses to change the triage tool'],
  },
  {
    blocker: 'Model risk validation not started',
    same: ['Model risk management has not begun the validation', 'MRM review of the model not kicked off'],
    different: ['Model performance validation not started', 'Model risk validation found bias issues'],
  },
];

export const HELD_OUT_CASES: readonly BlockerCase[] = [
  {
    blocker: 'SAP connector not built yet',
    same: ['Integration with SAP still outstanding', 'No link between the bot and our ERP (SAP) so far'],
    different: ['Workday connector not built yet', 'SAP upgrade freeze until January'],
  },
  {
    blocker: 'Waiting on the security review',
    same: ['Infosec has not finished assessing the tool', 'Security assessment of the vendor still in progress'],
    different: ['Waiting on the legal review', 'Security patch on the GPU servers not applied'],
  },
  {
    blocker: 'PO for the vendor not raised',
    same: ['Purchase order still not issued to the vendor', 'Procurement has yet to cut the purchase order'],
    different: ['Invoice from the vendor not paid', 'PO for the GPU hardware not raised'],
  },
  {
    blocker: 'Legal has not approved the DPA',
    same: ['Data processing agreement still with legal', 'Legal sign-off on the data processing agreement outstanding'],
    different: ['Legal has not approved the DPIA', 'Procurement has not approved the DPA'],
  },
  {
    blocker: 'GPU quota not granted',
    same: ['Still no GPU capacity allocated by the cloud team', 'Waiting for more GPUs from the platform team'],
    different: ['Storage quota not granted', 'CPU quota exhausted on the test cluster'],
  },
  {
    blocker: 'Training for call centre staff not scheduled',
    same: ['Call center agents have not been trained yet', 'No training sessions booked for the contact centre team'],
    different: ['Training for field engineers not scheduled', 'Call centre staff not given licences'],
  },
  {
    blocker: 'Works council approval pending',
    same: ['Works council has not signed off the pilot', 'Still waiting for the employee council to agree'],
    different: ['Finance approval pending', 'HR approval of the new role pending'],
  },
  {
    blocker: 'Latency too high on live calls',
    same: ['Responses arrive too slowly while the customer is on the line', 'Assistant takes 6-8 seconds to answer during calls'],
    different: ['Latency too high on the batch reports', 'Live call transcription inaccurate'],
  },
  {
    blocker: 'Snowflake access for the pilot not granted',
    same: ['Data warehouse credentials still not issued', 'Still no read access to Snowflake tables'],
    different: ['Databricks access for the pilot not granted', 'Snowflake costs over budget'],
  },
  {
    blocker: 'Knowledge base articles out of date',
    same: ['KB content is stale so answers are wrong', 'Outdated help articles feed the bot old information'],
    different: ['Knowledge base search is slow', 'Product catalogue data out of date'],
  },
  {
    blocker: 'Data scientist reassigned to another project',
    same: ['Our only data scientist was moved to the pricing programme', 'Lost the data scientist to another team'],
    different: ['Data engineer reassigned to another project', 'Data scientist on sick leave'],
  },
  {
    blocker: 'Firewall rule for the vendor API not opened',
    same: ['Network team still has to open the port to the vendor', 'Vendor endpoint blocked by our firewall'],
    different: ['Firewall rule for the internal wiki not opened', 'Vendor API rate limits too low'],
  },
  {
    blocker: 'ServiceNow integration blocked',
    same: ['Cannot create incidents in ServiceNow from the bot yet', 'ServiceNow API connection not working'],
    different: ['Salesforce integration blocked', 'ServiceNow admin on holiday'],
  },
  {
    blocker: 'Workday data feed not set up',
    same: ['No HR data coming from Workday yet', 'Interface from Workday for employee records outstanding'],
    different: ['SAP data feed not set up', 'Workday licences under review'],
  },
  {
    blocker: 'Compliance has not approved use of customer data',
    same: ['Compliance sign-off for using customer records still pending', 'Still no green light from compliance to train on client data'],
    different: ['Compliance has not approved use of employee data', 'Marketing has not approved use of customer data'],
  },
  {
    blocker: 'Vendor SLA not agreed',
    same: ['Service level agreement with the vendor still open', 'No agreed uptime commitment from the vendor'],
    different: ['Vendor pricing not agreed', 'Internal SLA with IT support not agreed'],
  },
  {
    blocker: 'Azure OpenAI quota too low',
    same: ['Token limits on Azure OpenAI throttle the pilot', 'We keep hitting the Azure OpenAI rate limit'],
    different: ['AWS Bedrock quota too low', 'Azure subscription budget too low'],
  },
  {
    blocker: 'Sales reps resist logging calls in the CRM',
    same: ['Reps refuse to enter call notes into Salesforce', 'Sales team does not record calls in CRM so the model has no data'],
    different: ['Service agents resist logging calls in the CRM', 'Sales reps resist the new commission rules'],
  },
  {
    blocker: 'Accuracy on claims classification below 80%',
    same: ['Claims are misclassified too often', 'Model picks the wrong claim category in a quarter of cases'],
    different: ['Accuracy on email classification below 80%', 'Claims backlog growing'],
  },
  {
    blocker: 'No owner for prompt maintenance',
    same: ['Nobody is responsible for updating the prompts', 'Prompt upkeep has no named owner'],
    different: ['No owner for the data pipeline', 'Prompt changes need legal approval'],
  },
  {
    blocker: 'Chatbot not connected to order status',
    same: ['Bot cannot look up where an order is', 'Order tracking lookup missing from the assistant'],
    different: ['Chatbot not connected to returns', 'Order status page down'],
  },
  {
    blocker: 'Penetration test not scheduled',
    same: ['Pen test for the app still not booked', 'No date yet for the penetration testing'],
    different: ['Load test not scheduled', 'Penetration test found critical issues'],
  },
  {
    blocker: 'Marketing has not approved the generated copy',
    same: ['Brand team still reviewing the AI written texts', 'Generated marketing copy awaiting brand sign-off'],
    different: ['Legal has not approved the generated copy', 'Marketing has not approved the campaign budget'],
  },
  {
    blocker: 'Data labelling backlog',
    same: ['Not enough labelled examples to train on', 'Annotation of the training set is behind schedule'],
    different: ['Data migration backlog', 'Labelling vendor invoice disputed'],
  },
  {
    blocker: 'HR has not approved the new role',
    same: ['Headcount for the ML engineer not signed off by HR', 'HR still blocking the job requisition'],
    different: ['Finance has not approved the new role', 'HR has not approved the training plan'],
  },
  {
    blocker: 'NPS survey data not shared',
    same: ['Still no access to net promoter score results', 'CX team has not sent us the NPS export'],
    different: ['CSAT survey data not shared', 'NPS target not set'],
  },
  {
    blocker: 'Contact centre telephony (Genesys) not integrated',
    same: ['Genesys integration still not done', 'No link to the Genesys phone system yet'],
    different: ['Avaya telephony not integrated', 'Genesys upgrade postponed'],
  },
];
