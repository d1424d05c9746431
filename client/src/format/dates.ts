import { isoWeekStart, isValidIsoWeek } from '@liftoff/shared';

const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Calendar dates (`YYYY-MM-DD`) and timestamps shown as "3 Nov 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** "2026-W48" -> "23–29 Nov" (Monday to Sunday). */
export function formatWeekRange(week: string): string {
  if (!isValidIsoWeek(week)) return week;
  const start = isoWeekStart(week);
  const end = new Date(start.getTime() + 6 * DAY_MS);
  return `${shortDateFormat.format(start)} – ${shortDateFormat.format(end)}`;
}

/** "2026-W48" -> "W48", for dense chart axes. */
export function shortWeek(week: string): string {
  return week.slice(5);
}

/** Whole UTC days from a date to `today` (never negative). */
export function daysSince(date: Date, today: Date): number {
  const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const to = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}

/**
 * Days since the last update, counted from the Monday of the week it reports on: the fallback when
 * a pilot carries no `lastUpdateAt` (it can overstate by up to 6 days).
 */
export function daysSinceWeek(week: string | null, today: Date): number | null {
  if (!week || !isValidIsoWeek(week)) return null;
  return daysSince(isoWeekStart(week), today);
}
