/**
 * The stage clock and the two timelines read from it.
 *
 * `stageClock` measures how long a pilot has really been in its current stage. It reads only
 * `history.stageChanges` and `history.pilot.stageEnteredAt`:
 *  - a pause does not reset the clock: X -> paused -> X continues X's clock, and the paused days
 *    are left out (however many pauses there were);
 *  - `stageEnteredAt` earlier than the recorded entry wins, so a clock set back (a pilot imported
 *    or created after it really started) counts from the date the program office gave;
 *  - with no usable stage change the clock runs from `stageEnteredAt`.
 * A paused pilot's clock is frozen at the moment it was paused (`paused: true`).
 *
 * `timelinePosition` compares that clock with the expectation of the pilot's phase:
 *  - piloting: the pilot timebox (`pilotTimeboxMonths`, one value for every complexity: how long
 *    a pilot may take to prove itself is not what complexity predicts);
 *  - scaling: the article's 2-3 / 4-6 / 6-12 months from pilot completion to production, upper
 *    bound (COMPLEXITY_MONTHS). Completion is a recorded `pilotCompletedOn`, or else the start of
 *    the scaling run on the stage clock.
 * Other stages have no timeline (ratio 0).
 */
import { COMPLEXITY_MONTHS, type Stage } from '../enums';
import { addMonths, DAY_MS, daysBetween, formatDay, utcDay, utcDayOf, wholeMonthsBetween } from './dates';
import type { SignalThresholds } from './thresholds';
import type { PilotHistory } from './types';

export interface StageClock {
  /** The stage the clock measures: the current one, or the one a paused pilot was paused from. */
  stage: Stage;
  /** UTC day (epoch ms) the pilot first entered the stage in this run. */
  sinceDay: number;
  /** Days spent in the stage since then, paused days left out. */
  activeDays: number;
  /** Paused days inside the run (between `sinceDay` and now, or the pause). */
  pausedDays: number;
  /** The pilot is paused now; the clock stands still. */
  paused: boolean;
}

interface Segment {
  stage: Stage;
  start: number;
  end: number;
}

/** The pilot's life as consecutive stage segments (UTC days), the last one ending today. */
function segmentsOf(history: PilotHistory, todayDay: number): Segment[] {
  const segments: Segment[] = [];
  for (const change of history.stageChanges) {
    const day = utcDayOf(change.changedAt);
    const previous = segments[segments.length - 1];
    if (previous) previous.end = Math.max(previous.start, day);
    segments.push({ stage: change.toStage, start: previous ? Math.max(previous.start, day) : day, end: todayDay });
  }
  return segments;
}

export function stageClock(history: PilotHistory, today: Date): StageClock {
  const todayDay = utcDay(today);
  const { stage, stageEnteredAt } = history.pilot;
  const enteredDay = utcDayOf(stageEnteredAt);
  const segments = segmentsOf(history, todayDay);
  const last = segments[segments.length - 1];
  if (!last || last.stage !== stage) {
    // No record that agrees with the pilot's stage: the clock runs from stageEnteredAt.
    const sinceDay = Math.min(enteredDay, todayDay);
    return { stage, sinceDay, activeDays: stage === 'paused' ? 0 : daysBetween(sinceDay, todayDay), pausedDays: 0, paused: stage === 'paused' };
  }
  const paused = stage === 'paused';
  // Walk back over X -> paused -> X: the run of the measured stage with its pauses.
  let index = segments.length - 1;
  if (paused) {
    if (index === 0 || segments[index - 1].stage === 'paused') {
      return { stage, sinceDay: Math.min(last.start, enteredDay), activeDays: 0, pausedDays: daysBetween(last.start, todayDay), paused };
    }
    index -= 1;
  }
  const measured = segments[index].stage;
  let first = index;
  while (first >= 2 && segments[first - 1].stage === 'paused' && segments[first - 2].stage === measured) first -= 2;
  let activeDays = 0;
  let pausedDays = 0;
  for (let i = first; i < segments.length; i++) {
    const days = daysBetween(segments[i].start, segments[i].end);
    if (segments[i].stage === measured) activeDays += days;
    else pausedDays += days;
  }
  let sinceDay = segments[first].start;
  // A clock set back: the program office says the stage began before the recorded entry.
  if (!paused && enteredDay < sinceDay) {
    activeDays += daysBetween(enteredDay, sinceDay);
    sinceDay = enteredDay;
  }
  return { stage: measured, sinceDay, activeDays, pausedDays, paused };
}

/** Days the pilot spent paused from `fromDay` (a UTC day) to today, by its stage changes. */
export function pausedDaysSince(history: PilotHistory, fromDay: number, today: Date): number {
  let days = 0;
  for (const segment of segmentsOf(history, utcDay(today))) {
    if (segment.stage !== 'paused') continue;
    const start = Math.max(segment.start, fromDay);
    if (segment.end > start) days += daysBetween(start, segment.end);
  }
  return days;
}

/** The day a clock reaches `months` of active time: `months` after its start, pushed back by the pauses. */
export function clockDeadline(clock: StageClock, months: number): number {
  return addMonths(clock.sinceDay, months) + clock.pausedDays * DAY_MS;
}

/** Whole months of active time on the clock. */
export function clockMonths(clock: StageClock): number {
  return wholeMonthsBetween(clock.sinceDay, clock.sinceDay + clock.activeDays * DAY_MS);
}

export type TimelinePhase = 'piloting' | 'scaling' | 'none';

export interface TimelinePosition {
  phase: TimelinePhase;
  /** Start of the phase's clock (`YYYY-MM-DD`). */
  since: string;
  deadline: string;
  elapsedDays: number;
  boundDays: number;
  /** Active time over the bound: 1.5 means half as long again as allowed. 0 without a timeline. */
  ratio: number;
  monthsElapsed: number;
  boundMonths: number;
  pausedDays: number;
}

function completionClock(history: PilotHistory, clock: StageClock, todayDay: number): StageClock {
  const recorded = history.pilot.pilotCompletedOn;
  if (!recorded) return clock;
  const sinceDay = Math.min(utcDayOf(recorded), todayDay);
  // Pauses of the scaling run still count as paused; time before the recorded completion is active.
  const activeDays = Math.max(0, daysBetween(sinceDay, todayDay) - clock.pausedDays);
  return { ...clock, sinceDay, activeDays };
}

export function timelinePosition(history: PilotHistory, today: Date, thresholds: Pick<SignalThresholds, 'pilotTimeboxMonths'>): TimelinePosition {
  const todayDay = utcDay(today);
  let clock = stageClock(history, today);
  let phase: TimelinePhase = 'none';
  let boundMonths = 0;
  if (clock.stage === 'scaling') {
    phase = 'scaling';
    boundMonths = COMPLEXITY_MONTHS[history.pilot.complexity].max;
    clock = completionClock(history, clock, todayDay);
  } else if (clock.stage === 'piloting') {
    phase = 'piloting';
    boundMonths = thresholds.pilotTimeboxMonths;
  }
  const deadline = addMonths(clock.sinceDay, boundMonths);
  const boundDays = daysBetween(clock.sinceDay, deadline);
  return {
    phase,
    since: formatDay(clock.sinceDay),
    deadline: formatDay(deadline + clock.pausedDays * DAY_MS),
    elapsedDays: clock.activeDays,
    boundDays,
    ratio: boundDays > 0 ? clock.activeDays / boundDays : 0,
    monthsElapsed: clockMonths(clock),
    boundMonths,
    pausedDays: clock.pausedDays,
  };
}
