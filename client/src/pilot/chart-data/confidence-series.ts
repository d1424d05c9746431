import type { Health, WeeklyUpdate } from '@liftoff/shared';
import { weekBounds, weekRange } from './weeks';

/** Health drawn on a 1–3 scale beside confidence: higher is better, like confidence. */
export const HEALTH_SCORE: Record<Health, number> = { off_track: 1, at_risk: 2, on_track: 3 };

export interface ConfidencePoint {
  week: string;
  /** null for a week without an update: the line breaks there instead of pretending. */
  confidence: number | null;
  health: Health | null;
  healthScore: number | null;
  activeUsers: number | null;
  activeUsersOutsideTeam: number | null;
}

/** One point per ISO week from the first to the latest update, oldest first. */
export function toConfidenceSeries(updates: readonly WeeklyUpdate[]): ConfidencePoint[] {
  const bounds = weekBounds(updates.map((update) => update.week));
  if (!bounds) return [];
  const byWeek = new Map(updates.map((update) => [update.week, update]));
  return weekRange(bounds.first, bounds.last).map((week) => {
    const update = byWeek.get(week);
    return {
      week,
      confidence: update?.confidence ?? null,
      health: update?.health ?? null,
      healthScore: update ? HEALTH_SCORE[update.health] : null,
      activeUsers: update?.activeUsers ?? null,
      activeUsersOutsideTeam: update?.activeUsersOutsideTeam ?? null,
    };
  });
}
