/**
 * People's time zones (issue 13: reminders go out on a weekday and hour in the lead's own zone).
 * Stored as IANA names; both the server's validation and the client's picker use this check.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** True for an IANA time zone name this runtime knows (`Pacific/Auckland`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime lists, for pickers (falls back to UTC alone on runtimes without the list). */
export function knownTimeZones(): string[] {
  const withList = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = withList.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}
