import { USE_CASES } from './demo-catalog';
import type { PilotPlan } from './portfolio-plan';

const uc = (name: string) => USE_CASES.find((u) => u.name === name)!;
/** Too early to tell whether users outside the team adopt it and whether the workflow changes. */
const YOUNG: PilotPlan['assessment'] = { adoption_readiness: 'unknown', workflow_redesign: 'unknown' };

/**
 * The named pilots of the demo: the six ways of getting stuck, the stories a program office meets
 * beside them, and clean ones to compare with. Tests and the walkthrough rely on these names.
 */
export function plantedPlans(): PilotPlan[] {
  return [
    // The six stuck patterns, one planted pilot each.
    { name: 'Contract review assistant (Legal)', useCase: uc('Contract review assistant'), complexity: 'typical', startOffset: 30, moves: [['piloting', 27]], lastUpdateOffset: 0, profile: 'mixed', sponsored: false, reworded: [{ key: 'noSponsor', updates: 6 }], assessment: { executive_sponsorship: 'fail' } },
    { name: 'Call summarisation for claims', useCase: uc('Call summarisation'), complexity: 'complex', startOffset: 40, moves: [['piloting', 36]], lastUpdateOffset: 1, profile: 'struggling', sponsored: true, reworded: [{ key: 'crmAccess', updates: 22 }], leadEmail: 'lead@liftoff.demo', assessment: { integration_readiness: 'fail' } },
    { name: 'Field service knowledge bot', useCase: uc('Policy Q&A copilot'), complexity: 'typical', startOffset: 28, moves: [['piloting', 25]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, enthusiastsOnly: true, reworded: [{ key: 'crewOnly', updates: 5 }], assessment: { adoption_readiness: 'fail' } },
    { name: 'Inventory demand forecast v2', useCase: uc('Inventory demand forecast'), complexity: 'complex', startOffset: 24, moves: [['piloting', 22]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, noKpiBaseline: true, reworded: [{ key: 'noBaseline', updates: 4 }], assessment: { measurement: 'fail' } },
    { name: 'Product description writer (all SKUs)', useCase: uc('Product description writer'), complexity: 'best', startOffset: 20, moves: [['piloting', 18]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, valueBelowCost: true, assessment: { use_case_viability: 'fail' } },
    { name: 'Claims letter drafting', useCase: uc('Email triage assistant'), complexity: 'typical', startOffset: 22, moves: [['piloting', 20]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, reworded: [{ key: 'oldTemplate', updates: 6 }], assessment: { workflow_redesign: 'fail' } },
    // Stuck in several ways at once, as most stuck pilots are.
    { name: 'Sales call coaching assistant', useCase: uc('Call summarisation'), complexity: 'typical', startOffset: 34, moves: [['piloting', 31]], lastUpdateOffset: 0, profile: 'struggling', sponsored: false, enthusiastsOnly: true, reworded: [{ key: 'recordingReview', updates: 9 }], assessment: { executive_sponsorship: 'fail', integration_readiness: 'fail', adoption_readiness: 'partial' } },
    { name: 'Supplier onboarding automation', useCase: uc('Purchase order automation'), complexity: 'complex', startOffset: 30, moves: [['piloting', 27]], lastUpdateOffset: 0, profile: 'struggling', sponsored: true, noKpiBaseline: true, reworded: [{ key: 'supplierData', updates: 7 }, { key: 'gpuBudget', updates: 5 }], assessment: { measurement: 'fail', workflow_redesign: 'partial' } },
    // Stalled: no update for five weeks, in piloting for most of a year.
    { name: 'Expense audit automation', useCase: uc('Expense audit automation'), complexity: 'typical', startOffset: 44, moves: [['piloting', 40]], lastUpdateOffset: 5, profile: 'struggling', sponsored: true },
    // Paused for two months while the team was lent out, then resumed.
    { name: 'KYC document checker (Retail banking)', useCase: uc('KYC document checker'), complexity: 'typical', startOffset: 32, moves: [['piloting', 30], ['paused', 18], ['piloting', 10]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true },
    // Busy, not progressing: five months of mostly green weeks, KPIs flat, the same readiness answers.
    { name: 'Sales playbook Q&A assistant', useCase: uc('Policy Q&A copilot'), complexity: 'complex', startOffset: 24, moves: [['piloting', 22]], lastUpdateOffset: 0, profile: 'busy', sponsored: true, quiet: true, assessment: { executive_sponsorship: 'pass', use_case_viability: 'pass', integration_readiness: 'pass', adoption_readiness: 'pass', workflow_redesign: 'pass', measurement: 'pass' } },
    // The users who get value are another group than planned: the lead proposes a pivot to them.
    { name: 'Churn early-warning model (Retail)', useCase: uc('Churn early-warning model'), complexity: 'typical', startOffset: 20, moves: [['piloting', 18]], lastUpdateOffset: 0, profile: 'mixed', sponsored: true, pivotSuggestedUpdates: 2 },
    // Liked by its users, but worth 50k a year against 400k to scale; the lead has not called it.
    { name: 'Travel receipt checker', useCase: uc('Expense audit automation'), complexity: 'typical', startOffset: 20, moves: [['piloting', 18]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, quiet: true, economics: { annualValueAtScale: 50_000, costToScale: 400_000 }, assessment: { use_case_viability: 'partial' } },
    // The lead's own pilots, and the executive's.
    { name: 'HR helpdesk chatbot', useCase: uc('HR helpdesk chatbot'), complexity: 'best', startOffset: 16, moves: [['piloting', 14]], lastUpdateOffset: 1, recentBlockerUpdates: 2, profile: 'healthy', sponsored: true, leadEmail: 'lead@liftoff.demo', sponsorEmail: 'exec@liftoff.demo' },
    // Textbook scale: every test passes, KPIs at target, nothing flagged.
    { name: 'Code review helper (Platform)', useCase: uc('Developer code review helper'), complexity: 'typical', startOffset: 14, moves: [['piloting', 12]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, sponsorEmail: 'exec@liftoff.demo', quiet: true },
    { name: 'Invoice data extraction (AP)', useCase: uc('Invoice data extraction'), complexity: 'typical', startOffset: 50, moves: [['piloting', 47], ['scaling', 34], ['production', 24]], lastUpdateOffset: 24, profile: 'healthy', sponsored: true, sponsorEmail: 'exec@liftoff.demo' },
    // Proposed last week: no updates yet.
    { name: 'Procurement policy Q&A', useCase: uc('Policy Q&A copilot'), complexity: 'best', startOffset: 1, moves: [], lastUpdateOffset: null, profile: 'healthy', sponsored: true },
    // Young, healthy pilots with nothing to flag, not yet ready to judge for scale.
    { name: 'Meeting minutes drafter (Finance)', useCase: uc('Policy Q&A copilot'), complexity: 'best', startOffset: 9, moves: [['piloting', 8]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, quiet: true, assessment: YOUNG },
    { name: 'Supplier invoice matching (AP)', useCase: uc('Invoice data extraction'), complexity: 'typical', startOffset: 11, moves: [['piloting', 10]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, quiet: true, assessment: YOUNG },
    { name: 'Test case generator (Payments)', useCase: uc('Test case generator'), complexity: 'typical', startOffset: 10, moves: [['piloting', 9]], lastUpdateOffset: 0, profile: 'healthy', sponsored: true, quiet: true, assessment: YOUNG },
  ];
}
