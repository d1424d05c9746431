/**
 * busy_not_progressing: the pilot keeps reporting, mostly green, and nothing moves. Fires for a
 * piloting or scaling pilot when, over its latest N updates (default 8, about two months):
 *  - at least the share `busyOnTrackShareMin` (default 75%) of them report on track,
 *  - no stage change moved it forward since the week of the first of them,
 *  - no readiness test improved (the latest assessment against the one in force when the window
 *    began, or the first one made inside it; a lone first assessment proves nothing either way),
 *  - no KPI moved toward its target (see `kpiMovedSince`; a KPI at target counts as progress).
 * This is the stuck pilot that feels busy: the red-flag rules stay quiet because every update
 * looks fine, while the pilot is no closer to production.
 * `since` is the Monday of the window's first week.
 */
import { ACTIVE_STAGES, STAGE_ORDER } from '../../enums';
import { READINESS_TEST_LABELS } from '../assessment';
import { kpiMovedSince } from '../kpi-progress';
import { percent, plural } from '../stats';
import type { PilotHistory, ReadinessAnswer, ReadinessAssessmentInput, ReadinessTest } from '../types';
import { READINESS_TESTS } from '../types';
import { weekStartMs } from '../week-index';
import { mondayOf, notApplicable, quiet, sinceIf, type SignalRule } from './rule';

const ANSWER_RANK: Readonly<Record<ReadinessAnswer, number>> = { unknown: 0, fail: 1, partial: 2, pass: 3 };

/** Tests whose answer got better between the assessment in force at `fromMs` and the latest one. */
export function improvedTests(assessments: readonly ReadinessAssessmentInput[], fromMs: number): ReadinessTest[] {
  if (assessments.length < 2) return [];
  let reference: ReadinessAssessmentInput | null = null;
  for (const a of assessments) if (Date.parse(a.assessedAt) < fromMs) reference = a;
  reference ??= assessments[0];
  const latest = assessments[assessments.length - 1];
  if (reference === latest) return [];
  return READINESS_TESTS.filter((t) => ANSWER_RANK[latest.answers[t]?.answer ?? 'unknown'] > ANSWER_RANK[reference.answers[t]?.answer ?? 'unknown']);
}

/** Forward stage moves (proposed -> piloting -> scaling -> production) on or after `fromMs`. */
function advancedSince(history: PilotHistory, fromMs: number): boolean {
  const moved = history.stageChanges.some(
    (c) => Date.parse(c.changedAt) >= fromMs && c.fromStage !== null && STAGE_ORDER[c.fromStage] >= 0 && STAGE_ORDER[c.toStage] > STAGE_ORDER[c.fromStage],
  );
  // Without any recorded change, entering the stage inside the window is the only sign there is.
  return moved || (history.stageChanges.length === 0 && Date.parse(history.pilot.stageEnteredAt) >= fromMs);
}

export const busyNotProgressing: SignalRule = (history, { thresholds }) => {
  const { stage } = history.pilot;
  if (!ACTIVE_STAGES.includes(stage)) return [notApplicable('busy_not_progressing', stage)];
  const n = thresholds.busyNotProgressingUpdates;
  if (history.updates.length < n) {
    return [quiet('busy_not_progressing', `Needs ${plural(n, 'update')}; has ${history.updates.length}.`, { updates: history.updates.length, required: n })];
  }
  const window = history.updates.slice(-n);
  const since = window[0].week;
  const fromMs = weekStartMs(since);
  const onTrack = window.filter((u) => u.health === 'on_track').length;
  const busy = onTrack / window.length >= thresholds.busyOnTrackShareMin;
  const stageAdvanced = advancedSince(history, fromMs);
  const improved = improvedTests(history.assessments, fromMs);
  const movingKpis = history.kpis.filter((k) => kpiMovedSince(k, since)).map((k) => k.name);
  const fires = busy && !stageAdvanced && improved.length === 0 && movingKpis.length === 0;
  let summary: string;
  if (fires) {
    summary =
      `${onTrack} of the last ${window.length} updates since ${since} on track, yet no stage advance, ` +
      `no readiness test improved and no KPI moved toward its target.`;
  } else if (!busy) {
    summary = `${percent(onTrack / window.length)} of the last ${window.length} updates on track.`;
  } else if (stageAdvanced) {
    summary = `Moved forward a stage since ${since}.`;
  } else if (improved.length > 0) {
    summary = `Readiness improved since ${since}: ${improved.map((t) => READINESS_TEST_LABELS[t]).join(', ')}.`;
  } else {
    summary = `KPIs moving toward target since ${since}: ${movingKpis.join(', ')}.`;
  }
  return [
    {
      kind: 'busy_not_progressing',
      fires,
      ...sinceIf(fires, mondayOf(since)),
      summary,
      evidence: { since, updates: window.length, onTrack, stageAdvanced, improvedTests: improved, movingKpis },
    },
  ];
};
