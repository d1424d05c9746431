import type { WeeklyUpdate as WeeklyUpdateView } from '@liftoff/shared';
import type { WeeklyUpdate } from './weekly-update.entity';

/** Expects author, pilot, kpiReadings.kpi and blockers to be loaded. */
export function toWeeklyUpdateView(update: WeeklyUpdate): WeeklyUpdateView {
  return {
    id: update.id,
    pilotId: update.pilotId,
    pilotName: update.pilot?.name ?? '',
    week: update.week,
    author: { id: update.authorId, name: update.author?.name ?? '' },
    health: update.health,
    summary: update.summary,
    confidence: update.confidence,
    activeUsers: update.activeUsers,
    activeUsersOutsideTeam: update.activeUsersOutsideTeam,
    scaleQuestionAsked: update.scaleQuestionAsked,
    resourcesRedirected: update.resourcesRedirected,
    pivotSuggested: update.pivotSuggested,
    kpiReadings: (update.kpiReadings ?? [])
      .map((reading) => ({ kpiId: reading.kpiId, kpiName: reading.kpi?.name ?? '', value: reading.value }))
      .sort((a, b) => a.kpiName.localeCompare(b.kpiName)),
    blockers: (update.blockers ?? [])
      .map((b) => ({ id: b.id, text: b.text, category: b.category, status: b.status }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    version: update.version,
    createdAt: update.createdAt.toISOString(),
  };
}
