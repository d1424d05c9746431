/**
 * repeated_blocker: an open blocker that keeps coming back. Fires per blocker when either
 *  - it was reported in at least N consecutive updates (consecutive in the update sequence, so a
 *    skipped week does not break the run), counting back from its most recent mention; or
 *  - it has been open for strictly more than W ISO weeks, from its first sighting to today's week,
 *    less the whole weeks the pilot spent paused since then (a pause does not age a blocker).
 * Not checked while the pilot is paused or closed (`isMonitoredStage`).
 * `since` is the Monday of the week the firing reason starts from: the streak's first week, the
 * first sighting for the age, the earlier of the two when both hold.
 */
import { utcDay, weekOfDay } from '../dates';
import { plural } from '../stats';
import { pausedDaysSince } from '../timeline';
import type { HistoryBlocker, HistoryUpdate, PilotHistory, SignalResult } from '../types';
import { weeksBetween, weekStartMs } from '../week-index';
import { isMonitoredStage, mondayOf, sinceIf, type SignalRule } from './rule';

interface Streak {
  length: number;
  weeks: string[];
}

/** The run of consecutive updates ending at the blocker's latest mention. */
export function mentionStreak(updates: readonly HistoryUpdate[], blockerId: string): Streak {
  let end = updates.length - 1;
  while (end >= 0 && !updates[end].blockerIds.includes(blockerId)) end -= 1;
  if (end < 0) return { length: 0, weeks: [] };
  let start = end;
  while (start > 0 && updates[start - 1].blockerIds.includes(blockerId)) start -= 1;
  const weeks: string[] = [];
  for (let i = start; i <= end; i += 1) weeks.push(updates[i].week);
  return { length: weeks.length, weeks };
}

function evaluateBlocker(history: PilotHistory, blocker: HistoryBlocker, n: number, w: number, today: Date): SignalResult {
  const streak = mentionStreak(history.updates, blocker.id);
  const pausedWeeks = history.stageChanges.length > 0 ? Math.floor(pausedDaysSince(history, weekStartMs(blocker.firstSeenWeek), today) / 7) : 0;
  const openWeeks = weeksBetween(blocker.firstSeenWeek, weekOfDay(utcDay(today))) - pausedWeeks;
  const byStreak = streak.length >= n;
  const byAge = openWeeks > w;
  const quoted = `'${blocker.text}'`;
  const streakText = `reported in ${streak.length} consecutive updates`;
  const ageText = `open for ${plural(openWeeks, 'week')}`;
  let summary: string;
  if (byStreak && byAge && streak.weeks[0] === blocker.firstSeenWeek) {
    summary = `${quoted} ${streakText} and ${ageText} since ${blocker.firstSeenWeek}.`;
  } else if (byStreak && byAge) {
    summary = `${quoted} ${streakText} since ${streak.weeks[0]}, ${ageText} since ${blocker.firstSeenWeek}.`;
  } else if (byStreak) {
    summary = `${quoted} ${streakText} since ${streak.weeks[0]}.`;
  } else if (byAge) {
    summary = `${quoted} ${ageText} since ${blocker.firstSeenWeek}.`;
  } else {
    summary = `${quoted} ${streakText}, ${ageText}: below the thresholds.`;
  }
  const fromWeeks = [...(byStreak ? [streak.weeks[0]] : []), ...(byAge ? [blocker.firstSeenWeek] : [])];
  const fromWeek = fromWeeks.length ? fromWeeks.reduce((a, b) => (weeksBetween(a, b) < 0 ? b : a)) : null;
  return {
    kind: 'repeated_blocker',
    fires: byStreak || byAge,
    summary,
    subjectKey: blocker.id,
    ...sinceIf(byStreak || byAge, fromWeek && mondayOf(fromWeek)),
    evidence: {
      blockerId: blocker.id,
      text: blocker.text,
      category: blocker.category,
      consecutiveUpdates: streak.length,
      streakWeeks: streak.weeks,
      since: streak.weeks[0] ?? null,
      firstSeenWeek: blocker.firstSeenWeek,
      openWeeks,
      pausedWeeks,
      byStreak,
      byAge,
    },
  };
}

export const repeatedBlocker: SignalRule = (history, { today, thresholds }) => {
  if (!isMonitoredStage(history.pilot.stage)) return [];
  return history.blockers
    .filter((blocker) => blocker.status === 'open')
    .map((blocker) => evaluateBlocker(history, blocker, thresholds.repeatedBlockerConsecutiveUpdates, thresholds.repeatedBlockerOpenWeeks, today));
};
