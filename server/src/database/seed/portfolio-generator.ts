import { DEMO_ACCOUNTS, READINESS_TESTS, addIsoWeeks, isoWeekOf, isoWeekStart, type Health, type ReadinessAnswer, type Role } from '@liftoff/shared';
import { BUSINESS_UNITS, FIRST_NAMES, LAST_NAMES, ROUTINE_BLOCKERS, SUMMARIES } from './demo-catalog';
import { plantedPlans, randomPlan, type PilotPlan } from './portfolio-plan';
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
  readiness_assessments: Row[];
  decisions: Row[];
}

export interface PortfolioOptions {
  pilots: number;
  seed: number;
  today: Date;
  /** Give every random pilot exactly this many weekly updates (the benchmark dataset); null: varied histories. */
  uniformWeeks: number | null;
  /** Include the planted stuck pilots and demo accounts. */
  planted: boolean;
}

export const DEMO_OPTIONS = { pilots: 60, seed: 20261125, uniformWeeks: null, planted: true } as const;
export const LARGE_OPTIONS = { pilots: 5000, seed: 424242, uniformWeeks: 104, planted: false } as const;


/** Builds a whole portfolio in memory, deterministically from the seed and `today`. */
export function generatePortfolio(options: PortfolioOptions): PortfolioRows {
  const rng = new Prng(options.seed);
  const rows: PortfolioRows = { business_units: [], people: [], pilots: [], stage_changes: [], kpis: [], blockers: [], weekly_updates: [], kpi_readings: [], update_blockers: [], readiness_assessments: [], decisions: [] };
  const currentWeek = isoWeekOf(options.today);
  const at = (offset: number, hour = 10) => new Date(isoWeekStart(addIsoWeeks(currentWeek, -offset)).getTime() + (2 * 24 + hour) * 3_600_000);

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
  const queue = [...plans];
  for (let index = 0; index < queue.length; index++) {
    const plan = queue[index];
    const unitIndex = index % units.length;
    const lead = plan.leadEmail ? byEmail.get(plan.leadEmail)! : rng.pick(leads[unitIndex]);
    const sponsor = plan.sponsorEmail ? byEmail.get(plan.sponsorEmail)! : plan.sponsored ? rng.pick(sponsors[unitIndex]) : null;
    const pilotId = plan.presetId ?? rng.uuid();
    const successorId = plan.moves.some(([s]) => s === 'pivoted') ? rng.uuid() : null;
    const stage = plan.moves.length ? plan.moves[plan.moves.length - 1][0] : 'proposed';
    const enteredAt = plan.moves.length ? at(plan.moves[plan.moves.length - 1][1]) : at(plan.startOffset);
    const value = plan.valueBelowCost ? rng.int(40, 90) * 1000 : rng.int(300, 2500) * 1000;
    const costToScale = plan.valueBelowCost ? rng.int(200, 400) * 1000 : rng.int(80, 250) * 1000;
    const startDate = at(plan.startOffset).toISOString().slice(0, 10);
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
    if (stage === 'piloting' && pilotingMove && pilotingMove[1] > 10 && rng.chance(0.3)) {
      rows.decisions.push(decisionRow(rng, pilotId, 'continue', at(pilotingMove[1] - 6, 8), (sponsor ?? office[0]).id as string, null));
    }
    if (stage === 'pivoted') {
      const pivotWeek = plan.moves[plan.moves.length - 1][1];
      queue.push({ ...plan, presetId: successorId!, name: `${plan.name} - pivot`, startOffset: pivotWeek, moves: pivotWeek > 1 ? [['piloting', pivotWeek - 1]] : [], lastUpdateOffset: pivotWeek > 1 ? 0 : null, profile: 'mixed', pivotOf: pilotId });
    }
    addHistory(rows, rng, plan, pilotId, lead.id as string, currentWeek, at);
    addAssessments(rows, rng, plan, pilotId, at);
  }
  return rows;
}

function addHistory(rows: PortfolioRows, rng: Prng, plan: PilotPlan, pilotId: string, authorId: string, currentWeek: string, at: (offset: number, hour?: number) => Date): void {
  const kpiCount = rng.int(1, 2);
  const kpis = Array.from({ length: kpiCount }, (_, i) => {
    const lower = i === 0;
    const baseline = lower ? rng.int(10, 30) : rng.int(40, 70);
    const target = lower ? Math.round(baseline * 0.6) : Math.min(98, baseline + rng.int(10, 25));
    const row = { id: rng.uuid(), pilot_id: pilotId, name: lower ? 'Handling time' : 'Accuracy', unit: lower ? 'minutes' : '%', baseline: plan.noKpiBaseline ? null : baseline, target: plan.noKpiBaseline && i === 0 ? null : target, direction: lower ? 'lower_is_better' : 'higher_is_better', version: 1 };
    rows.kpis.push(row);
    return { row, baseline, target };
  });
  const piloting = plan.moves.find(([stage]) => stage === 'piloting');
  if (!piloting || plan.lastUpdateOffset === null) return;
  const firstOffset = piloting[1];
  const span = Math.max(1, firstOffset - plan.lastUpdateOffset);
  let users = rng.int(4, 12);
  let openRoutine: { id: string; until: number } | null = null;
  const stuckBlocker = plan.repeatedIntegrationBlocker ? { id: rng.uuid(), from: Math.min(firstOffset, 22) } : null;
  if (stuckBlocker) {
    rows.blockers.push({ id: stuckBlocker.id, pilot_id: pilotId, text: 'Waiting on CRM API access from central IT', category: 'integration', status: 'open', first_seen_week: addIsoWeeks(currentWeek, -stuckBlocker.from), last_seen_week: addIsoWeeks(currentWeek, -plan.lastUpdateOffset), resolved_at: null, resolution_note: null, version: 1, created_at: at(stuckBlocker.from).toISOString() });
  }
  const recent = plan.recentBlockerUpdates ? { id: rng.uuid(), from: plan.lastUpdateOffset + plan.recentBlockerUpdates - 1 } : null;
  if (recent) {
    rows.blockers.push({ id: recent.id, pilot_id: pilotId, text: 'Single sign-on not enabled for contractors', category: 'integration', status: 'open', first_seen_week: addIsoWeeks(currentWeek, -recent.from), last_seen_week: addIsoWeeks(currentWeek, -plan.lastUpdateOffset), resolved_at: null, resolution_note: null, version: 1, created_at: at(recent.from).toISOString() });
  }
  for (let offset = firstOffset; offset >= plan.lastUpdateOffset; offset--) {
    const progress = (firstOffset - offset) / span;
    const week = addIsoWeeks(currentWeek, -offset);
    const health = healthFor(rng, plan.profile, progress);
    const confidence = confidenceFor(rng, plan.profile, progress);
    users += rng.int(0, plan.profile === 'healthy' ? 6 : 2);
    const share = plan.enthusiastsOnly ? rng.next() * 0.08 : plan.profile === 'healthy' ? 0.35 + progress * 0.3 : 0.1 + rng.next() * 0.4;
    const updateId = rng.uuid();
    rows.weekly_updates.push({
      id: updateId, pilot_id: pilotId, week, week_start: isoWeekStart(week).toISOString().slice(0, 10), author_id: authorId, health,
      summary: rng.pick(SUMMARIES[health]), confidence, active_users: users, active_users_outside_team: Math.floor(users * share),
      scale_question_asked: plan.profile !== 'struggling' && offset < 10 && rng.chance(0.15), resources_redirected: plan.profile === 'struggling' && offset < 6 && rng.chance(0.3),
      version: 1, created_at: at(offset, 10 + rng.int(0, 6)).toISOString(), updated_at: at(offset, 17).toISOString(),
    });
    for (const kpi of kpis) {
      const improve = plan.profile === 'healthy' ? progress : plan.profile === 'mixed' ? progress * 0.5 : progress * 0.1;
      const value = kpi.baseline + (kpi.target - kpi.baseline) * improve * 1.1 + (rng.next() - 0.5) * 2;
      rows.kpi_readings.push({ id: rng.uuid(), update_id: updateId, kpi_id: kpi.row.id, value: Math.round(value * 100) / 100 });
    }
    if (stuckBlocker && offset <= stuckBlocker.from) rows.update_blockers.push({ update_id: updateId, blocker_id: stuckBlocker.id });
    if (recent && offset <= recent.from) rows.update_blockers.push({ update_id: updateId, blocker_id: recent.id });
    if (!openRoutine && !recent && !plan.noRoutineBlockers && rng.chance(plan.profile === 'healthy' ? 0.05 : 0.12)) {
      const template = rng.pick(ROUTINE_BLOCKERS);
      const until = Math.max(plan.lastUpdateOffset, offset - rng.int(0, 3));
      const resolved = until > plan.lastUpdateOffset || rng.chance(0.5);
      openRoutine = { id: rng.uuid(), until };
      rows.blockers.push({ id: openRoutine.id, pilot_id: pilotId, text: template.text, category: template.category, status: resolved ? 'resolved' : 'open', first_seen_week: week, last_seen_week: addIsoWeeks(currentWeek, -until), resolved_at: resolved ? at(until, 16).toISOString() : null, resolution_note: null, version: 1, created_at: at(offset).toISOString() });
    }
    if (openRoutine) {
      rows.update_blockers.push({ update_id: updateId, blocker_id: openRoutine.id });
      if (offset <= openRoutine.until) openRoutine = null;
    }
  }
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

/** A previous and a latest readiness assessment for pilots that have been piloting. */
function addAssessments(rows: PortfolioRows, rng: Prng, plan: PilotPlan, pilotId: string, at: (offset: number, hour?: number) => Date): void {
  const piloting = plan.moves.find(([stage]) => stage === 'piloting');
  if (!piloting || piloting[1] < 4) return;
  const latestOffset = Math.max(plan.lastUpdateOffset ?? 0, 1);
  const answerFor = (latest: boolean): ReadinessAnswer => {
    if (plan.profile === 'healthy') return latest || rng.chance(0.6) ? 'pass' : 'partial';
    if (plan.profile === 'struggling') return rng.pick<ReadinessAnswer>(['partial', 'fail', 'unknown']);
    return rng.pick<ReadinessAnswer>(['pass', 'pass', 'partial', 'unknown']);
  };
  for (const [offset, latest] of [[Math.floor((piloting[1] + latestOffset) / 2), false], [latestOffset, true]] as const) {
    const answers = Object.fromEntries(
      READINESS_TESTS.map((test) => [test, { answer: (latest && plan.assessment?.[test]) || answerFor(latest), note: null }]),
    );
    rows.readiness_assessments.push({ id: rng.uuid(), pilot_id: pilotId, assessed_at: at(offset, 15).toISOString(), assessed_by_id: null, answers });
  }
}

function healthFor(rng: Prng, profile: PilotPlan['profile'], progress: number): Health {
  const r = rng.next();
  if (profile === 'healthy') return r < 0.85 ? 'on_track' : 'at_risk';
  if (profile === 'struggling') return progress > 0.6 ? (r < 0.5 ? 'off_track' : 'at_risk') : r < 0.5 ? 'on_track' : 'at_risk';
  return r < 0.6 ? 'on_track' : r < 0.9 ? 'at_risk' : 'off_track';
}

function confidenceFor(rng: Prng, profile: PilotPlan['profile'], progress: number): number {
  if (profile === 'healthy') return rng.int(4, 5);
  if (profile === 'struggling') return Math.max(1, Math.min(5, Math.round(4 - progress * 3 + (rng.next() - 0.5))));
  return rng.int(2, 4);
}
