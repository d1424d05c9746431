/**
 * What an AI program office can do about each stuck pattern. Steps are concrete, time-boxed and
 * owned, so a pilot lead can put them straight into next week's plan.
 */
import type { Pattern } from './types';

export interface PatternGuidance {
  title: string;
  description: string;
  steps: string[];
}

export const PATTERN_GUIDANCE: Readonly<Record<Pattern, PatternGuidance>> = {
  missing_executive_sponsor: {
    title: 'Missing executive sponsor',
    description:
      'Nobody senior owns the outcome, so the pilot cannot win budget, people or priority when it competes with day-to-day work.',
    steps: [
      'Within two weeks, name one accountable executive who controls the budget of the process the pilot changes.',
      "Tie the pilot's success measure to one of that executive's objectives for this year, in writing.",
      'Book a recurring 20-minute monthly sponsor review with a one-page status and one explicit ask each time.',
      'Agree up front which decision the sponsor will take at the end of the pilot (scale, pivot or stop) and on what evidence.',
      'If no executive accepts within a month, pause the pilot and release its team rather than let it drift.',
    ],
  },
  no_integration_path: {
    title: 'No integration path',
    description:
      'The pilot works beside the real systems, not inside them; without an approved route into production systems it cannot scale.',
    steps: [
      'Map every system the scaled solution must read from or write to, with the owner of each, on one page.',
      'Get a named IT architect and security reviewer assigned and book the security review now, not at the end.',
      'Pick the thinnest production-grade integration (one API, one direction) and build it during the pilot.',
      'Escalate any access or review that has waited more than three weeks through the sponsor, with a date attached.',
    ],
  },
  enthusiast_only_adoption: {
    title: 'Enthusiast-only adoption',
    description:
      'Usage comes from the pilot team and a few volunteers; nothing shows that ordinary users will pick the tool up.',
    steps: [
      'Recruit a cohort of 10-20 typical users from outside the pilot team, including sceptics, and track them separately.',
      'Interview five non-users this month and fix the top two reasons they give for not using the tool.',
      "Put the tool inside the users' existing screen or channel instead of asking them to open something new.",
      "Ask team leads to set a usage expectation for their team and review it in their weekly meeting.",
    ],
  },
  workflow_unchanged: {
    title: 'Workflow unchanged',
    description:
      'The AI was bolted onto the old process, so people do the same work plus a new step and the value never shows up.',
    steps: [
      'Draw the current and the target process side by side and mark the steps the AI removes or shortens.',
      'Have the process owner sign off the target process, including changed roles, hand-offs and approval limits.',
      'Remove at least one old step (a manual check, a duplicate entry) for the pilot users, not just add the tool.',
      'Update procedures, training material and targets so that the new way is the expected way.',
    ],
  },
  unclear_success_metrics: {
    title: 'Unclear success metrics',
    description:
      'Without an agreed baseline and target nobody can say whether the pilot worked, so the scale decision keeps slipping.',
    steps: [
      'Choose one primary KPI that the sponsor cares about and at most two supporting ones.',
      'Measure the baseline from the last three months of data before the pilot changes anything further.',
      'Agree the target and the date it must be reached with the sponsor and the finance partner.',
      'Record a reading every week in the update so the trend is visible, not reconstructed at the end.',
    ],
  },
  wrong_use_case_for_scale: {
    title: 'Wrong use case for scale',
    description:
      'Even if it works, the use case does not earn back what scaling costs; more piloting will not change that.',
    steps: [
      'Rebuild the business case with finance: annual value at scale, one-off cost to scale and yearly run cost.',
      'Test whether a larger user group or an adjacent process would change the economics enough.',
      'If it would, propose a pivot with a new scope and a new pilot plan; if not, recommend stopping.',
      'Write down what was learned and which components (data pipelines, prompts, integrations) can be reused.',
    ],
  },
};
