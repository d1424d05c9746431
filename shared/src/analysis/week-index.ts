/**
 * ISO weeks as integers, for the rules' inner loops. A sweep evaluates every pilot's whole history,
 * and the same few hundred week strings come back millions of times: parsing each once (and
 * remembering the result) keeps week arithmetic out of the profile.
 *
 * `weekIndex(w)` counts whole weeks from the Monday 1969-12-29 (the start of ISO week 1970-W01), so
 * `weekIndex(b) - weekIndex(a)` is exactly `isoWeeksBetween(a, b)`: both weeks start on a Monday at
 * UTC midnight, a whole number of weeks apart. Invalid weeks throw the same RangeError as
 * `isoWeekStart` and are never remembered.
 */
import { isoWeekStart } from '../iso-week';
import { DAY_MS } from './dates';

const WEEK_MS = 7 * DAY_MS;
/** The Monday that starts ISO week 1970-W01, three days before the epoch (a Thursday). */
const ORIGIN_MS = -3 * DAY_MS;
/** Bounds the memory of a long-running server; a portfolio spans a few hundred weeks. */
const CACHE_LIMIT = 10_000;

const indexCache = new Map<string, number>();

export function weekIndex(week: string): number {
  let index = indexCache.get(week);
  if (index === undefined) {
    index = Math.round((isoWeekStart(week).getTime() - ORIGIN_MS) / WEEK_MS);
    if (indexCache.size >= CACHE_LIMIT) indexCache.clear();
    indexCache.set(week, index);
  }
  return index;
}

/** Same as `isoWeeksBetween(from, to)`, memoised. */
export function weeksBetween(from: string, to: string): number {
  return weekIndex(to) - weekIndex(from);
}

/** Same as `isoWeekStart(week).getTime()`, memoised. */
export function weekStartMs(week: string): number {
  return ORIGIN_MS + weekIndex(week) * WEEK_MS;
}
