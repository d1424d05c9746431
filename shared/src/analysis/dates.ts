/**
 * Calendar arithmetic in UTC. The rules compare calendar days, not instants, so the time of day at
 * which the server evaluates a pilot never flips a signal.
 */
import { isoWeekOf, isoWeekStart } from '../iso-week';

export const DAY_MS = 86_400_000;

/** UTC midnight of the day containing `date`, as epoch milliseconds. */
export function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * Answers remembered by their input. Both functions below are asked the same values over and over
 * (a pilot's stage dates by several rules, a portfolio's few hundred distinct days by every pilot);
 * an answer depends on the input alone, and the table is emptied when it grows past its limit.
 */
class Answers<K, V> {
  private readonly table = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    return this.table.get(key);
  }
  set(key: K, value: V): V {
    if (this.table.size >= this.limit) this.table.clear();
    this.table.set(key, value);
    return value;
  }
}

const daysOf = new Answers<string, number>(20_000);
const dayTexts = new Answers<number, string>(5_000);

/** Parses an ISO timestamp or a `YYYY-MM-DD` date (read as UTC) and returns its UTC day. */
export function utcDayOf(value: string): number {
  const known = daysOf.get(value);
  if (known !== undefined) return known;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`Not a date: ${value}`);
  return daysOf.set(value, utcDay(new Date(time)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  return Math.round((to - from) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Adds calendar months to a UTC day, clamping to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  return Date.UTC(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export function wholeMonthsBetween(from: number, to: number): number {
  // Every month that ends before the month of \`to\` surely fits, so the count starts there and only
  // the last step or two are tried (same result as counting up from zero: addMonths only grows).
  const start = new Date(from);
  const end = new Date(to);
  let months = Math.max(0, (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() - 1);
  while (addMonths(from, months + 1) <= to) months += 1;
  return months;
}

export function formatDay(day: number): string {
  return dayTexts.get(day) ?? dayTexts.set(day, new Date(day).toISOString().slice(0, 10));
}

let lastDay = Number.NaN;
let lastWeek = '';

/** The ISO week of a UTC day; the last answer is remembered, since a sweep asks for today's week per pilot. */
export function weekOfDay(day: number): string {
  if (day !== lastDay) {
    lastWeek = isoWeekOf(new Date(day));
    lastDay = day;
  }
  return lastWeek;
}

export function weekStartDay(week: string): number {
  return isoWeekStart(week).getTime();
}
