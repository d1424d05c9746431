import { DAY_MS, addIsoWeeks, addMonths, isoWeekOf, utcDay } from '@liftoff/shared';

/**
 * Dates of the generated portfolio, counted back from `now` in whole weeks. Something that happened
 * `offset` weeks ago happened on today's weekday, exactly 7 x offset calendar days back, so every age
 * the rules measure in days or ISO weeks is the same whatever the weekday. Its time of day is the
 * nominal hour scaled into the part of today that has passed, so nothing is ever later than `now`
 * and events of one day keep their order.
 */
export interface DemoClock {
  now: Date;
  currentWeek: string;
  /** The ISO week `offset` weeks before the current one. */
  week(offset: number): string;
  /** An instant on the day `offset` weeks back; `hour` (0 to 24) orders events of the same day. */
  at(offset: number, hour?: number): Date;
  /** The calendar date (YYYY-MM-DD) `offset` weeks back. */
  date(offset: number): string;
}

export function demoClock(now: Date): DemoClock {
  const today = utcDay(now);
  const elapsed = now.getTime() - today;
  const currentWeek = isoWeekOf(now);
  const day = (offset: number) => today - offset * 7 * DAY_MS;
  return {
    now,
    currentWeek,
    week: (offset) => addIsoWeeks(currentWeek, -offset),
    at: (offset, hour = 10) => new Date(day(offset) + Math.floor((elapsed * Math.min(Math.max(hour, 0), 24)) / 24)),
    date: (offset) => new Date(day(offset)).toISOString().slice(0, 10),
  };
}

const MAX_MONTHS = 40;
const LEAP_CYCLE_DAYS = 4 * 366;
let monthSpans: { min: number; max: number }[] | null = null;

/** Shortest and longest span in days of m calendar months, over every start day of a leap cycle. */
function spans(): { min: number; max: number }[] {
  if (monthSpans) return monthSpans;
  monthSpans = Array.from({ length: MAX_MONTHS + 1 }, () => ({ min: Infinity, max: 0 }));
  for (let d = 0; d < LEAP_CYCLE_DAYS; d++) {
    const start = Date.UTC(2024, 0, 1) + d * DAY_MS;
    for (let m = 1; m <= MAX_MONTHS; m++) {
      const days = Math.round((addMonths(start, m) - start) / DAY_MS);
      monthSpans[m].min = Math.min(monthSpans[m].min, days);
      monthSpans[m].max = Math.max(monthSpans[m].max, days);
    }
  }
  return monthSpans;
}

/**
 * The nearest number of weeks back, at or above `weeks`, whose count of whole calendar months is the
 * same on every date. 13 weeks (91 days) are three months on some dates and two on others, so a
 * pilot that started 13 weeks ago would flip a calendar rule with the month it is seeded in.
 */
export function steadyWeeks(weeks: number): number {
  const table = spans();
  const ambiguous = (w: number) => table.some((s, m) => m > 0 && s.min <= 7 * w && 7 * w < s.max);
  let result = weeks;
  while (ambiguous(result)) result += 1;
  return result;
}
