import { READINESS_TESTS, findMatchingBlocker, isoWeekStart, type BlockerCategory, type Health, type ReadinessAnswer } from '@liftoff/shared';
import { REWORDED_BLOCKERS, ROUTINE_BLOCKERS, SUMMARIES } from './demo-catalog';
import type { DemoClock } from './demo-clock';
import type { PilotPlan, Profile } from './portfolio-plan';
import type { PortfolioRows } from './portfolio-generator';
import type { Prng } from './prng';

const SSO_BLOCKER = 'Single sign-on not enabled for contractors';
const PIVOT_SUGGESTION = 'Suggest we pivot: store managers act on the churn scores far more than the marketing team it was built for.';

/** Weeks back with a weekly update: from the first move into piloting to the last update, not while paused. */
export function updateOffsets(plan: PilotPlan): number[] {
  const piloting = plan.moves.find(([stage]) => stage === 'piloting');
  if (!piloting || plan.lastUpdateOffset === null) return [];
  const pauses: [number, number][] = [];
  plan.moves.forEach(([stage, offset], i) => {
    if (stage === 'paused' && i + 1 < plan.moves.length) pauses.push([offset, plan.moves[i + 1][1]]);
  });
  const offsets: number[] = [];
  for (let offset = piloting[1]; offset >= plan.lastUpdateOffset; offset--) {
    if (!pauses.some(([pausedAt, resumedAt]) => offset <= pausedAt && offset > resumedAt)) offsets.push(offset);
  }
  return offsets;
}

/** KPIs, weekly updates with their readings and blockers, and blockers of one pilot. */
export function addHistory(rows: PortfolioRows, rng: Prng, plan: PilotPlan, pilotId: string, authorId: string, clock: DemoClock): void {
  const kpiCount = rng.int(1, 2);
  const kpis = Array.from({ length: kpiCount }, (_, i) => {
    const lower = i === 0;
    const baseline = lower ? rng.int(10, 30) : rng.int(40, 70);
    const target = lower ? Math.round(baseline * 0.6) : Math.min(98, baseline + rng.int(10, 25));
    const row = { id: rng.uuid(), pilot_id: pilotId, name: lower ? 'Handling time' : 'Accuracy', unit: lower ? 'minutes' : '%', baseline: plan.noKpiBaseline ? null : baseline, target: plan.noKpiBaseline && i === 0 ? null : target, direction: lower ? 'lower_is_better' : 'higher_is_better', version: 1 };
    rows.kpis.push(row);
    return { row, baseline, target };
  });
  const offsets = updateOffsets(plan);
  if (offsets.length === 0) return;
  const lastOffset = offsets[offsets.length - 1];
  const firstOffset = offsets[0];
  const span = Math.max(1, firstOffset - lastOffset);
  const blockerRow = (id: string, text: string, category: string, from: number) =>
    rows.blockers.push({ id, pilot_id: pilotId, text, category, status: 'open', first_seen_week: clock.week(from), last_seen_week: clock.week(lastOffset), resolved_at: null, resolution_note: null, version: 1, created_at: clock.at(from, 11).toISOString() });
  // A blocker reported in the latest N updates starts at the N-th latest one.
  const fromUpdate = (count: number) => offsets[Math.max(0, offsets.length - count)];
  const reworded = (plan.reworded ?? []).map(({ key, updates }) => ({ id: rng.uuid(), from: fromUpdate(updates), ...REWORDED_BLOCKERS[key] }));
  for (const story of reworded) blockerRow(story.id, story.wordings[0], story.category, story.from);
  const recent = plan.recentBlockerUpdates ? { id: rng.uuid(), from: fromUpdate(plan.recentBlockerUpdates) } : null;
  if (recent) blockerRow(recent.id, SSO_BLOCKER, 'integration', recent.from);
  // A routine blocker that is one of the pilot's stories said again would be the same blocker twice.
  const sameAsStory = (template: { text: string; category: BlockerCategory }) =>
    reworded.some((story) => story.wordings.some((wording) => findMatchingBlocker(wording, undefined, [{ id: 'routine', ...template }]) !== null));
  const routineTemplates = reworded.length === 0 ? ROUTINE_BLOCKERS : ROUTINE_BLOCKERS.filter((template) => !sameAsStory(template));
  const reachedProduction = plan.moves.some(([stage]) => stage === 'production');

  let users = rng.int(4, 12);
  let openRoutine: { id: string; until: number } | null = null;
  for (const offset of offsets) {
    const progress = (firstOffset - offset) / span;
    const week = clock.week(offset);
    const health = healthFor(rng, plan.profile, progress);
    const confidence = plan.quiet ? (progress < 0.5 ? 4 : 5) : confidenceFor(rng, plan.profile, progress);
    users += rng.int(0, plan.profile === 'healthy' ? 6 : plan.profile === 'busy' ? 1 : 2);
    const share = plan.enthusiastsOnly ? rng.next() * 0.08 : plan.profile === 'healthy' ? 0.35 + progress * 0.3 : plan.profile === 'busy' ? 0.3 : 0.1 + rng.next() * 0.4;
    const updateId = rng.uuid();
    // The lead's words of the week for a blocker still open: the register keeps the first wording.
    const told = reworded.filter((story) => offset <= story.from).map((story) => story.wordings[(story.from - offset) % story.wordings.length]);
    const suggestsPivot = plan.pivotSuggestedUpdates !== undefined && offset <= fromUpdate(plan.pivotSuggestedUpdates);
    const summary = [rng.pick(SUMMARIES[health]), ...told.map((text) => `Blocker: ${text}.`), ...(suggestsPivot ? [PIVOT_SUGGESTION] : [])].join(' ');
    const asked = plan.profile !== 'struggling' && offset < 10 && rng.chance(0.15);
    rows.weekly_updates.push({
      id: updateId, pilot_id: pilotId, week, week_start: isoWeekStart(week).toISOString().slice(0, 10), author_id: authorId, health,
      summary, confidence, active_users: users, active_users_outside_team: Math.floor(users * share),
      scale_question_asked: asked && !plan.quiet, resources_redirected: plan.profile === 'struggling' && offset < 6 && rng.chance(0.3), pivot_suggested: suggestsPivot,
      version: 1, created_at: clock.at(offset, 12 + rng.int(0, 6)).toISOString(), updated_at: clock.at(offset, 19).toISOString(),
    });
    for (const kpi of kpis) {
      const noise = (rng.next() - 0.5) * 2;
      // A busy pilot's lead reports the same figure week after week, a little better than the baseline.
      const value = plan.profile === 'busy' ? kpi.baseline + (kpi.target - kpi.baseline) * 0.1 : kpi.baseline + (kpi.target - kpi.baseline) * improvementOf(plan, progress) * 1.1 + noise;
      rows.kpi_readings.push({ id: rng.uuid(), update_id: updateId, kpi_id: kpi.row.id, value: Math.round(value * 100) / 100 });
    }
    for (const story of reworded) {
      if (offset > story.from) continue;
      rows.update_blockers.push({ update_id: updateId, blocker_id: story.id });
      // The register keeps every wording a lead used, as the update form stores them.
      const text = story.wordings[(story.from - offset) % story.wordings.length];
      rows.blocker_wordings.push({ id: rng.uuid(), blocker_id: story.id, update_id: updateId, text, created_at: clock.at(offset, 12).toISOString() });
    }
    if (recent && offset <= recent.from) rows.update_blockers.push({ update_id: updateId, blocker_id: recent.id });
    if (!openRoutine && !recent && !plan.quiet && rng.chance(plan.profile === 'healthy' ? 0.05 : 0.12)) {
      const template = rng.pick(routineTemplates);
      const until = Math.max(lastOffset, offset - rng.int(0, 3));
      // A pilot that went to production took its blockers with it; elsewhere some are left open.
      const resolved = until > lastOffset || rng.chance(0.5) || reachedProduction;
      openRoutine = { id: rng.uuid(), until };
      rows.blockers.push({ id: openRoutine.id, pilot_id: pilotId, text: template.text, category: template.category, status: resolved ? 'resolved' : 'open', first_seen_week: week, last_seen_week: clock.week(until), resolved_at: resolved ? clock.at(until, 21).toISOString() : null, resolution_note: null, version: 1, created_at: clock.at(offset, 11).toISOString() });
    }
    if (openRoutine) {
      rows.update_blockers.push({ update_id: updateId, blocker_id: openRoutine.id });
      if (offset <= openRoutine.until) openRoutine = null;
    }
  }
}

/** A previous and a latest readiness assessment for pilots that have been piloting. */
export function addAssessments(rows: PortfolioRows, rng: Prng, plan: PilotPlan, pilotId: string, clock: DemoClock): void {
  const piloting = plan.moves.find(([stage]) => stage === 'piloting');
  if (!piloting || piloting[1] < 4) return;
  const latestOffset = Math.max(plan.lastUpdateOffset ?? 0, 1);
  const answerFor = (latest: boolean): ReadinessAnswer => {
    if (plan.profile === 'healthy') return latest || rng.chance(0.6) ? 'pass' : 'partial';
    if (plan.profile === 'struggling') return rng.pick<ReadinessAnswer>(['partial', 'fail', 'unknown']);
    return rng.pick<ReadinessAnswer>(['pass', 'pass', 'partial', 'unknown']);
  };
  let previous: Record<string, { answer: ReadinessAnswer; note: null }> | null = null;
  // The earlier one half-way through the weeks it reported (never while paused).
  const offsets = updateOffsets(plan);
  const midway = offsets.length > 0 ? offsets[Math.floor(offsets.length / 2)] : Math.floor((piloting[1] + latestOffset) / 2);
  for (const [offset, latest] of [[midway, false], [latestOffset, true]] as const) {
    const answers = Object.fromEntries(
      READINESS_TESTS.map((test) => [test, { answer: (plan.assessment?.[test] && (latest || plan.profile === 'busy') ? plan.assessment[test] : null) ?? answerFor(latest), note: null }]),
    );
    // Busy pilots answer the same each time: no test improved.
    const recorded = plan.profile === 'busy' && previous ? previous : answers;
    rows.readiness_assessments.push({ id: rng.uuid(), pilot_id: pilotId, assessed_at: clock.at(offset, 15).toISOString(), assessed_by_id: null, answers: recorded });
    previous = answers;
  }
}

/** Share of the baseline-to-target gap closed by this point; quiet healthy pilots get there early and hold it. */
function improvementOf({ profile, quiet }: PilotPlan, progress: number): number {
  if (profile === 'healthy') return quiet ? Math.min(1, progress * 1.5) : progress;
  if (profile === 'mixed') return progress * 0.5;
  return progress * 0.1;
}

function healthFor(rng: Prng, profile: Profile, progress: number): Health {
  const r = rng.next();
  if (profile === 'healthy') return r < 0.85 ? 'on_track' : 'at_risk';
  if (profile === 'busy') return r < 0.9 ? 'on_track' : 'at_risk';
  if (profile === 'struggling') return progress > 0.6 ? (r < 0.5 ? 'off_track' : 'at_risk') : r < 0.5 ? 'on_track' : 'at_risk';
  return r < 0.6 ? 'on_track' : r < 0.9 ? 'at_risk' : 'off_track';
}

function confidenceFor(rng: Prng, profile: Profile, progress: number): number {
  if (profile === 'healthy') return rng.int(4, 5);
  if (profile === 'busy') return 4;
  if (profile === 'struggling') return Math.max(1, Math.min(5, Math.round(4 - progress * 3 + (rng.next() - 0.5))));
  return rng.int(2, 4);
}
