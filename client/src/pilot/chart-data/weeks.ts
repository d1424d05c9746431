import { addIsoWeeks, compareIsoWeeks, isValidIsoWeek } from '@liftoff/shared';

/** Every ISO week from `first` to `last` inclusive, so charts show silent weeks as gaps. */
export function weekRange(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let week = first; compareIsoWeeks(week, last) <= 0; week = addIsoWeeks(week, 1)) weeks.push(week);
  return weeks;
}

/** Earliest and latest of the given weeks (invalid strings ignored), or null when there are none. */
export function weekBounds(weeks: Iterable<string>): { first: string; last: string } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const week of weeks) {
    if (!isValidIsoWeek(week)) continue;
    if (first === null || compareIsoWeeks(week, first) < 0) first = week;
    if (last === null || compareIsoWeeks(week, last) > 0) last = week;
  }
  return first && last ? { first, last } : null;
}
