import { addIsoWeeks, localIsoWeekOf } from '@liftoff/shared';
import { formatWeekRange } from '../format/dates';

export interface WeekOption {
  value: string;
  label: string;
}

/**
 * This week and the few before it: updates are posted late sometimes, never ahead (the server refuses).
 * "This week" is the one the user lives in (the browser's calendar date, not UTC's).
 */
export function recentWeekOptions(today: Date, count = 8): WeekOption[] {
  const current = localIsoWeekOf(today);
  return Array.from({ length: count }, (_, i) => {
    const week = addIsoWeeks(current, -i);
    const when = i === 0 ? 'this week' : i === 1 ? 'last week' : formatWeekRange(week);
    return { value: week, label: `${week} · ${i < 2 ? `${when}, ${formatWeekRange(week)}` : when}` };
  });
}
