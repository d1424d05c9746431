import { DEMO_ACCOUNTS, type Role } from '@liftoff/shared';
import { BUSINESS_UNITS, FIRST_NAMES, LAST_NAMES } from './demo-catalog';
import { demoClock } from './demo-clock';
import { addAssessments, addHistory } from './pilot-history';
import { plantedPlans } from './planted-stories';
import { randomPlan, steadyPlan, type PilotPlan } from './portfolio-plan';
import { Prng } from './prng';

export type Row = Record<string, unknown>;
/** Rows keyed by table, with snake_case column names, in insert order. */
export interface PortfolioRows {
  business_units: Row[];
  people: Row[];
  pilots: Row[];
  stage_changes: Row[];
  kpis: Row[];
  blockers: Row[];
  weekly_updates: Row[];
  kpi_readings: Row[];
  update_blockers: Row[];
  blocker_wordings: Row[];
  readiness_assessments: Row[];
  decisions: Row[];
}

export interface PortfolioOptions {
  pilots: number;
  seed: number;
  /** The instant the portfolio is seeded at: every date lies at or before it. */
  now: Date;
  /** Give every random pilot exactly this many weekly updates (the benchmark dataset); null: varied histories. */
  uniformWeeks: number | null;
  /** Include the planted stuck pilots and demo accounts. */
  planted: boolean;
}

export const DEMO_OPTIONS = { pilots: 60, seed: 20261125, uniformWeeks: null, planted: true } as const;
export const LARGE_OPTIONS = { pilots: 5000, seed: 424242, uniformWeeks: 104, planted: false } as const;


/**
 * Builds a whole portfolio in memory, deterministically from the seed and `now`. Ages are whole weeks
 * back from `now` (see `demoClock`), so the analysis finds the same on every weekday and at any hour.
 */
export function generatePortfolio(options: PortfolioOptions): PortfolioRows {
  const rng = new Prng(options.seed);
  const rows: PortfolioRows = { business_units: [], people: [], pilots: [], stage_changes: [], kpis: [], blockers: [], weekly_updates: [], kpi_readings: [], update_blockers: [], blocker_wordings: [], readiness_assessments: [], decisions: [] };
  const clock = demoClock(options.now);
  const at = clock.at;

  const founded = at(60).toISOString();
  const units = BUSINESS_UNITS.map((name) => ({ id: rng.uuid(), name, version: 1, created_at: founded }));
  rows.business_units.push(...units);
  const person = (name: string, email: string, role: Role, unitId: string | null) => {
    const row = { id: rng.uuid(), name, email, role, business_unit_id: unitId, version: 1, created_at: founded };
    rows.people.push(row);
    return row;
  };
  const byEmail = new Map<string, Row>();
  if (options.planted) for (const a of DEMO_ACCOUNTS) byEmail.set(a.email, person(a.name, a.email, a.role, a.role === 'viewer' ? null : units[0].id));
  const leadsPerUnit = Math.max(3, Math.ceil(options.pilots / units.length / 6));
  const leads: Row[][] = [];
  const sponsors: Row[][] = [];
  let serial = 0;
  const fullName = () => `${FIRST_NAMES[serial % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(serial / FIRST_NAMES.length) % LAST_NAMES.length]}`;
  for (const unit of units) {
    const mk = (role: Role, count: number) =>
      Array.from({ length: count }, () => {
        serial += 1;
        return person(fullName(), `person${serial}@example.com`, role, unit.id);
      });
    leads.push(mk('pilot_lead', leadsPerUnit));
    sponsors.push(mk('executive', 2));
  }
  const office: Row[] = [];
  for (let i = 0; i < (options.planted ? 2 : 1); i++) {
    serial += 1;
    office.push(person(fullName(), `person${serial}@example.com`, 'program_office', null));
  }

  const plans: PilotPlan[] = options.planted ? plantedPlans() : [];
  for (let i = 0; plans.length < options.pilots; i++) plans.push(randomPlan(rng, i, options.uniformWeeks));
  const queue = plans.map(steadyPlan);
  for (let index = 0; index < queue.length; index++) {
    const plan = queue[index];
    const unitIndex = index % units.length;
    const lead = plan.leadEmail ? byEmail.get(plan.leadEmail)! : rng.pick(leads[unitIndex]);
    const sponsor = plan.sponsorEmail ? byEmail.get(plan.sponsorEmail)! : plan.sponsored ? rng.pick(sponsors[unitIndex]) : null;
    const pilotId = plan.presetId ?? rng.uuid();
    const successorId = plan.moves.some(([s]) => s === 'pivoted') ? rng.uuid() : null;
    const stage = plan.moves.length ? plan.moves[plan.moves.length - 1][0] : 'proposed';
    const enteredAt = plan.moves.length ? at(plan.moves[plan.moves.length - 1][1]) : at(plan.startOffset);
    const drawnValue = plan.valueBelowCost ? rng.int(40, 90) * 1000 : rng.int(300, 2500) * 1000;
    const drawnCost = plan.valueBelowCost ? rng.int(200, 400) * 1000 : rng.int(80, 250) * 1000;
    const value = plan.economics?.annualValueAtScale ?? drawnValue;
    const costToScale = plan.economics?.costToScale ?? drawnCost;
    const startDate = clock.date(plan.startOffset);
    rows.pilots.push({
      id: pilotId, name: plan.name, summary: `Pilot of ${plan.useCase.name.toLowerCase()} in ${units[unitIndex].name}.`,
      business_unit_id: units[unitIndex].id, use_case_category: plan.useCase.category, lead_id: lead.id, sponsor_id: sponsor?.id ?? null,
      stage, stage_entered_at: enteredAt.toISOString(), start_date: startDate, target_production_date: null, complexity: plan.complexity,
      integration_systems: plan.useCase.systems, annual_value_at_scale: value, cost_to_date: rng.int(20, 150) * 1000, cost_to_scale: costToScale,
      pivoted_from_id: plan.pivotOf ?? null, version: 1, created_at: at(plan.startOffset).toISOString(), updated_at: enteredAt.toISOString(),
    });
    let previous: string | null = null;
    for (const [to, offset] of [['proposed', plan.startOffset], ...plan.moves] as [string, number][]) {
      rows.stage_changes.push({ id: rng.uuid(), pilot_id: pilotId, from_stage: previous, to_stage: to, changed_at: at(offset, 9).toISOString(), changed_by_id: null, note: null });
      previous = to;
      const kind = DECISION_FOR_STAGE[to];
      if (kind) {
        rows.decisions.push(decisionRow(rng, pilotId, kind, at(offset, 8), (sponsor ?? office[0]).id as string, kind === 'pivot' ? successorId : null));
      }
    }
    const pilotingMove = plan.moves.find(([s]) => s === 'piloting');
    if (stage === 'piloting' && pilotingMove && pilotingMove[1] > 10 && !plan.quiet && rng.chance(0.3)) {
      rows.decisions.push(decisionRow(rng, pilotId, 'continue', at(pilotingMove[1] - 6, 8), (sponsor ?? office[0]).id as string, null));
    }
    if (stage === 'pivoted') {
      const pivotWeek = plan.moves[plan.moves.length - 1][1];
      queue.push(steadyPlan({ ...plan, reworded: undefined, presetId: successorId!, name: `${plan.name} - pivot`, startOffset: pivotWeek, moves: pivotWeek > 1 ? [['piloting', pivotWeek - 1]] : [], lastUpdateOffset: pivotWeek > 1 ? 0 : null, profile: 'mixed', pivotOf: pilotId }));
    }
    addHistory(rows, rng, plan, pilotId, lead.id as string, clock);
    addAssessments(rows, rng, plan, pilotId, clock);
  }
  return rows;
}

const DECISION_FOR_STAGE: Record<string, 'scale' | 'kill' | 'pivot' | undefined> = { scaling: 'scale', killed: 'kill', pivoted: 'pivot' };
const RATIONALES = {
  scale: 'KPIs at target for six weeks and the sponsor has budget for the rollout.',
  kill: 'Value at scale does not cover the cost; the team moves to a stronger use case.',
  pivot: 'The users who get value are a different group than planned; restarting for them.',
  continue: 'Promising, but the integration path is not clear yet; look again after the review.',
};

function decisionRow(rng: Prng, pilotId: string, kind: keyof typeof RATIONALES, at: Date, decidedBy: string, resultingPilotId: string | null): Row {
  const review = kind === 'scale' || kind === 'continue' ? new Date(at.getTime() + 42 * 86_400_000).toISOString().slice(0, 10) : null;
  return {
    id: rng.uuid(), pilot_id: pilotId, kind, rationale: RATIONALES[kind], decided_by_id: decidedBy, decided_at: at.toISOString(),
    next_review_date: review, snapshot: { flags: [], patterns: [], recommendation: null }, recommended_action: null,
    followed_recommendation: false, supersedes_id: null, resulting_pilot_id: resultingPilotId,
  };
}
