/**
 * A weekly moment (a weekday and an hour) read on each person's own clock: the digest reaches every
 * recipient on the configured weekday and hour of their day, wherever they are (issue 13).
 */
import { isoWeekOf } from './iso-week';

const DAY_MS = 86_400_000;

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export interface ZonedClock {
  /** The local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** 0–23 on the local clock. */
  hour: number;
  weekday: Weekday;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function zonedClock(instant: Date, timeZone: string): ZonedClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const weekday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1) as Weekday;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24, weekday };
}

/** The calendar day `days` after (before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a day starts in `timeZone` (its local midnight, or the first hour after it on a DST jump). */
export function startOfZonedDay(day: string, timeZone: string): Date {
  const wallClock = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at a guess, then at the corrected guess: right on either side of a DST change.
  let instant = wallClock - offsetAt(new Date(wallClock), timeZone);
  instant = wallClock - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export interface WeeklyMoment {
  /** The person's ISO week at `instant` (by their local calendar): one digest per person and week. */
  week: string;
  /** The local day of this week's moment, `YYYY-MM-DD`. */
  day: string;
  /** True once the weekday and hour have come on their clock this week. */
  due: boolean;
}

/** Where `instant` stands against this week's moment (`weekday` at `hour`) in `timeZone`. */
export function weeklyMoment(instant: Date, timeZone: string, weekday: Weekday, hour: number): WeeklyMoment {
  const clock = zonedClock(instant, timeZone);
  const due = clock.weekday > weekday || (clock.weekday === weekday && clock.hour >= hour);
  return { week: isoWeekOf(new Date(`${clock.day}T00:00:00Z`)), day: addDays(clock.day, weekday - clock.weekday), due };
}

/** The seven local days before `day`: what a digest sent on `day` reports (`from`, `to` both included). */
export function weekBefore(day: string): { from: string; to: string } {
  return { from: addDays(day, -7), to: addDays(day, -1) };
}
