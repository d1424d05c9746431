import { COMPLEXITY_MONTHS, TERMINAL_STAGES, type Pilot } from '@liftoff/shared';

const DAY_MS = 86_400_000;

export type TimelineStatus = 'before_window' | 'in_window' | 'past_window';

export interface TimelinePosition {
  /** Calendar months from start to today (or to the day a closed pilot closed), one decimal. */
  monthsElapsed: number;
  min: number;
  max: number;
  status: TimelineStatus;
  /** The pilot reached production, was killed or pivoted: the clock stopped. */
  stopped: boolean;
  /** The day the upper bound runs out (`YYYY-MM-DD`); past it the pilot is over its timeline. */
  deadline: string;
}

/**
 * Where a pilot stands against the expected start-to-production time for its complexity, counted
 * from its start date (a picture of the whole journey; the over_timeline signal counts from pilot
 * completion and pilot_timebox covers the piloting phase). "Past" is strict: on the deadline day
 * itself it is still in window.
 */
export function toTimelinePosition(
  pilot: Pick<Pilot, 'startDate' | 'complexity' | 'stage' | 'stageEnteredAt'>,
  today: Date,
): TimelinePosition {
  const { min, max } = COMPLEXITY_MONTHS[pilot.complexity];
  const start = utcDay(new Date(`${pilot.startDate.slice(0, 10)}T00:00:00Z`));
  const stopped = TERMINAL_STAGES.includes(pilot.stage);
  const end = utcDay(stopped ? new Date(pilot.stageEnteredAt) : today);
  const monthsElapsed = Math.max(0, Math.round(fractionalMonths(start, end) * 10) / 10);
  const deadline = addMonths(start, max);
  const minDay = addMonths(start, min);
  const status: TimelineStatus = end > deadline ? 'past_window' : end >= minDay ? 'in_window' : 'before_window';
  return { monthsElapsed, min, max, status, stopped, deadline: new Date(deadline).toISOString().slice(0, 10) };
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Adds calendar months, clamping to the month's end (Jan 31 + 1 month = Feb 28/29). */
function addMonths(day: number, months: number): number {
  const date = new Date(day);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  return Date.UTC(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
}

/** Whole calendar months plus the fraction of the next one. */
function fractionalMonths(from: number, to: number): number {
  if (to <= from) return 0;
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  const base = addMonths(from, months);
  const next = addMonths(from, months + 1);
  return months + (to - base) / (next - base || DAY_MS);
}
