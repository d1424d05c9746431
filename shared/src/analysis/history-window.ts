/**
 * When the latest updates are enough. A portfolio sweep need not read two years of weekly updates
 * per pilot: every rule looks at the end of the history, and only a few look further back than a
 * fixed number of updates. `windowSuffices` says, for a history that holds only the latest updates
 * of a pilot, whether `analysePilot` gives exactly the same result on it as on the whole history.
 * When it says no, the caller loads the whole history.
 *
 * Each reader of `history.updates` in the analysis, and why the window answers it the same:
 *
 *  - confidence_decline, the recommendation's confidence slope and latest confidence,
 *    resources_redirected, busy_not_progressing and the pivot suggestion read the latest K updates
 *    (`slice(-K)`, and `length < K`): same when the window holds at least K updates.
 *  - off_track_streak walks back while updates are troubled: same when the walk stops inside the
 *    window, i.e. some update in the window is on track.
 *  - repeated_blocker (open blockers, pilots not closed) walks back to the blocker's latest mention
 *    and then back over the run of mentions: same when the window mentions the blocker and the run
 *    starts after the window's oldest update.
 *  - scale_question_unanswered (pilots not closed) takes the updates of the last W ISO weeks: same
 *    when the window's oldest update is W - 1 or more weeks before today's week (updates are sorted
 *    by week, one per week, so every older update is at least W weeks back: outside).
 *  - silent (piloting and scaling pilots) takes the first update with the latest `createdAt`: same
 *    when every older update was posted strictly before the window's latest.
 *  - the enthusiast-only pattern takes the latest N updates with active users: same when the window
 *    has N of them.
 *
 * Each firing signal's `since` is read from the same updates as its condition (the first of the
 * latest K, the run's first week, the first question in the window), from the blocker row
 * (`firstSeenWeek`), the stage clock or the decisions, so the conditions above cover it too.
 *
 * Nothing else reads `updates`. A new rule that reads further back must add its condition here;
 * the property test in `history-window.spec.ts` compares both analyses on random histories.
 */
import { ACTIVE_STAGES, type Health } from '../enums';
import { utcDay, weekOfDay } from './dates';
import { PIVOT_SUGGESTION_UPDATES } from './recommendation';
import { isClosedStage, type SignalContext } from './signals';
import type { SignalThresholds } from './thresholds';
import type { PilotHistory } from './types';
import { weekIndex } from './week-index';

/** What the loader knows about the updates it left out. */
export interface HistoryWindowFacts {
  /** How many updates the pilot has in all; `history.updates` holds the latest of them. */
  totalUpdates: number;
  /** Latest `createdAt` (epoch milliseconds) of the updates before the window; null when there are none. */
  olderLatestPostedMs: number | null;
}

const TROUBLED: readonly Health[] = ['at_risk', 'off_track'];

/**
 * How many latest updates a loader should read so that, with the default thresholds or any valid
 * ones, `windowSuffices` seldom asks for more: twice the longest latest-updates threshold.
 */
export function historyWindowSize(thresholds: SignalThresholds): number {
  const longest = Math.max(
    thresholds.confidenceWindowUpdates,
    thresholds.resourcesRedirectedWindowUpdates,
    thresholds.adoptionWindowUpdates,
    thresholds.scaleQuestionWindowWeeks,
    thresholds.offTrackStreakUpdates,
    thresholds.repeatedBlockerConsecutiveUpdates,
    thresholds.busyNotProgressingUpdates,
    PIVOT_SUGGESTION_UPDATES,
  );
  return Number.isFinite(longest) ? Math.max(16, 2 * Math.ceil(longest)) : 16;
}

/** Latest-K readers need K whole updates; thresholds are validated integers, anything else says no. */
function holds(length: number, k: number): boolean {
  return Number.isInteger(k) && k >= 1 && length >= k;
}

/**
 * True when `history.updates` (the latest `history.updates.length` of `facts.totalUpdates`
 * updates, sorted by week ascending, one per week) gives the same analysis as the whole history.
 */
export function windowSuffices(history: PilotHistory, facts: HistoryWindowFacts, ctx: SignalContext): boolean {
  const { updates, pilot } = history;
  const { thresholds } = ctx;
  if (updates.length >= facts.totalUpdates) return true;
  if (updates.length === 0) return false;

  const latestK = [
    thresholds.confidenceWindowUpdates,
    Math.max(3, thresholds.confidenceWindowUpdates),
    thresholds.resourcesRedirectedWindowUpdates,
    thresholds.busyNotProgressingUpdates,
    PIVOT_SUGGESTION_UPDATES,
  ];
  if (!latestK.every((k) => holds(updates.length, k))) return false;

  if (updates.every((u) => TROUBLED.includes(u.health))) return false;

  const n = thresholds.adoptionWindowUpdates;
  if (!Number.isInteger(n) || n < 1) return false;
  let withUsers = 0;
  for (const u of updates) if (u.activeUsers > 0) withUsers += 1;
  if (withUsers < n) return false;

  if (ACTIVE_STAGES.includes(pilot.stage)) {
    let latest = Date.parse(updates[0].createdAt);
    for (const u of updates) {
      const time = Date.parse(u.createdAt);
      if (time > latest) latest = time;
    }
    if (Number.isNaN(latest) || (facts.olderLatestPostedMs !== null && !(facts.olderLatestPostedMs < latest))) return false;
  }

  if (!isClosedStage(pilot.stage)) {
    const todayIndex = weekIndex(weekOfDay(utcDay(ctx.today)));
    if (!(todayIndex - weekIndex(updates[0].week) >= thresholds.scaleQuestionWindowWeeks - 1)) return false;
    for (const blocker of history.blockers) {
      if (blocker.status !== 'open') continue;
      let end = updates.length - 1;
      while (end >= 0 && !updates[end].blockerIds.includes(blocker.id)) end -= 1;
      if (end < 0) return false;
      let start = end;
      while (start > 0 && updates[start - 1].blockerIds.includes(blocker.id)) start -= 1;
      if (start === 0) return false;
    }
  }
  return true;
}

/**
 * The part of a history the analysis reads, apart from how far back the updates go: the open
 * blockers (repeated_blocker and the patterns pass over resolved ones) and their mentions. Stage
 * changes (the stage clock) and every assessment (busy_not_progressing compares the latest with an
 * earlier one) are kept whole. `analysePilot(analysedPart(h))` equals `analysePilot(h)`;
 * a bulk loader may read just this part. A rule that starts reading more must change it here; the
 * property test in `history-window.spec.ts` compares both analyses on random histories.
 */
export function analysedPart(history: PilotHistory): PilotHistory {
  const open = history.blockers.filter((b) => b.status === 'open');
  const openIds = new Set(open.map((b) => b.id));
  return {
    ...history,
    updates: history.updates.map((u) => ({ ...u, blockerIds: u.blockerIds.filter((id) => openIds.has(id)) })),
    blockers: open,
  };
}
