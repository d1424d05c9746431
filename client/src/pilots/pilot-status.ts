import { ACTIVE_STAGES, type Pilot } from '@liftoff/shared';
import { daysSince, daysSinceWeek } from '../format/dates';

/** Mirrors the default `silentDays` threshold: an active pilot this long without an update is silent. */
export const SILENT_AFTER_DAYS = 14;

/** Whether the pilot is expected to post weekly updates at all. */
export function expectsUpdates(pilot: Pilot): boolean {
  return ACTIVE_STAGES.includes(pilot.stage);
}

/**
 * Days since the latest update was posted. Uses `lastUpdateAt` when the list carries it, else the
 * Monday of `lastUpdateWeek` (which can overstate by up to six days).
 */
export function daysSinceLastUpdate(pilot: Pilot, today: Date): number | null {
  if (pilot.lastUpdateAt) return daysSince(new Date(pilot.lastUpdateAt), today);
  return daysSinceWeek(pilot.lastUpdateWeek, today);
}

export function isSilent(pilot: Pilot, today: Date): boolean {
  if (!expectsUpdates(pilot)) return false;
  const days = daysSinceLastUpdate(pilot, today);
  return days === null || days >= SILENT_AFTER_DAYS;
}
