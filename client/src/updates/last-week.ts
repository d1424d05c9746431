import { addIsoWeeks, compareIsoWeeks, type Health, type WeeklyUpdate } from '@liftoff/shared';

export interface PreviousValue<T> {
  /** "Last week", or the week it is from when the pilot skipped weeks. */
  label: string;
  value: T;
}

export interface PreviousValues {
  health: PreviousValue<Health>;
  confidence: PreviousValue<number>;
  activeUsers: PreviousValue<number>;
  activeUsersOutsideTeam: PreviousValue<number>;
  /** Each KPI's latest reading before the week, by KPI id (a KPI not measured lately has none). */
  kpis: Record<string, PreviousValue<number>>;
}

/**
 * What the pilot reported before `week`, for the form to show beside each field. `updates` are the
 * pilot's latest ones, newest first; those from `week` on are ignored.
 */
export function previousValues(updates: readonly WeeklyUpdate[], week: string): PreviousValues | null {
  const earlier = updates.filter((update) => compareIsoWeeks(update.week, week) < 0).sort((a, b) => compareIsoWeeks(b.week, a.week));
  const [last] = earlier;
  if (!last) return null;
  const labelFor = (from: string, what: string) => (from === addIsoWeeks(week, -1) ? 'Last week' : `${what} (${from})`);
  const label = labelFor(last.week, 'Last update');
  const kpis: Record<string, PreviousValue<number>> = {};
  for (const update of earlier) {
    for (const reading of update.kpiReadings) {
      kpis[reading.kpiId] ??= { label: labelFor(update.week, 'Last reading'), value: reading.value };
    }
  }
  return {
    health: { label, value: last.health },
    confidence: { label, value: last.confidence },
    activeUsers: { label, value: last.activeUsers },
    activeUsersOutsideTeam: { label, value: last.activeUsersOutsideTeam },
    kpis,
  };
}
