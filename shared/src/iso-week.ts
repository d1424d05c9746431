/**
 * ISO-8601 week helpers ("2026-W48"). Weeks start on Monday; week 1 holds the year's first Thursday.
 * All arithmetic is in UTC so a week never shifts with the server's time zone.
 */

const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

export interface IsoWeekParts {
  year: number;
  week: number;
}

/** Number of ISO weeks in a year: 53 when Jan 1 is a Thursday, or a Wednesday in a leap year. */
export function weeksInIsoYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

export function parseIsoWeek(value: string): IsoWeekParts | null {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

export function isValidIsoWeek(value: unknown): value is string {
  return typeof value === 'string' && parseIsoWeek(value) !== null;
}

export function formatIsoWeek({ year, week }: IsoWeekParts): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (UTC midnight) that starts the given ISO week. */
export function isoWeekStart(value: string): Date {
  const parts = parseIsoWeek(value);
  if (!parts) throw new RangeError(`Not an ISO week: ${value}`);
  const jan4 = new Date(Date.UTC(parts.year, 0, 4));
  const jan4Weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  const week1Monday = jan4.getTime() - jan4Weekday * DAY_MS;
  return new Date(week1Monday + (parts.week - 1) * 7 * DAY_MS);
}

/** The ISO week that contains a date (taken in UTC). */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return formatIsoWeek({ year, week });
}

/** The ISO week `count` weeks after (or before, when negative) the given one. */
export function addIsoWeeks(value: string, count: number): string {
  return isoWeekOf(new Date(isoWeekStart(value).getTime() + count * 7 * DAY_MS));
}

/** Whole weeks from `from` to `to` (positive when `to` is later). */
export function isoWeeksBetween(from: string, to: string): number {
  return Math.round((isoWeekStart(to).getTime() - isoWeekStart(from).getTime()) / (7 * DAY_MS));
}

export function compareIsoWeeks(a: string, b: string): number {
  return isoWeekStart(a).getTime() - isoWeekStart(b).getTime();
}

/** UTC+14 (the Line Islands): the first zone on Earth where each new week begins. */
const EARLIEST_ZONE_AHEAD_MS = 14 * 3_600_000;

/**
 * The latest week that has begun somewhere on Earth. Leads post for the week they are living in, and
 * one in Auckland is in Monday's new week 13 hours before UTC is: a week counts as "in the future" for
 * an update only while it has begun nowhere.
 */
export function latestBegunWeek(now: Date): string {
  return isoWeekOf(new Date(now.getTime() + EARLIEST_ZONE_AHEAD_MS));
}

/** Whether no one anywhere is living in `week` yet at `now` (see `latestBegunWeek`). */
export function isFutureWeek(week: string, now: Date): boolean {
  return compareIsoWeeks(week, latestBegunWeek(now)) > 0;
}

/** The latest calendar date (YYYY-MM-DD) that has begun somewhere on Earth: "today" for someone at UTC+14. */
export function latestBegunDate(now: Date): string {
  return new Date(now.getTime() + EARLIEST_ZONE_AHEAD_MS).toISOString().slice(0, 10);
}

/**
 * The start (UTC midnight) of a calendar date, or `now` while that start is still ahead: someone east of
 * UTC names their own today before UTC reaches it, and a clock set from it must not start in the future.
 */
export function dayStartNotAfter(date: string, now: Date): Date {
  const start = new Date(`${date}T00:00:00Z`);
  return start > now ? now : start;
}

/** A moment's calendar date (YYYY-MM-DD) in the runtime's own time zone (a browser's: its user's today). */
export function localIsoDateOf(date: Date): string {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())).toISOString().slice(0, 10);
}

/** The ISO week of a moment's calendar date in the runtime's own time zone (a browser's: the week its user lives in). */
export function localIsoWeekOf(date: Date): string {
  return isoWeekOf(new Date(`${localIsoDateOf(date)}T00:00:00Z`));
}
