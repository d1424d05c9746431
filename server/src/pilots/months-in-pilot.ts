/** Average days in a month, so months in pilot read the same whatever month a pilot started in. */
export const DAYS_PER_MONTH = 30.44;

/**
 * Months a pilot has run since its start day, as SQL over a `date` column. The portfolio's
 * time-in-pilot chart buckets by it and `GET /pilots` filters by it, so a bucket's count is the
 * list's total. Ranges over it take the lower bound inclusive and the upper bound exclusive.
 * A pilot whose start day is still ahead has run 0 months: it counts in the first bucket, not in none.
 * `today` is an SQL date expression (a parameter in tests that fix the day).
 */
export function monthsInPilotSql(startDateColumn: string, today = 'current_date'): string {
  return `(GREATEST(${today} - ${startDateColumn}, 0) / ${DAYS_PER_MONTH})`;
}
