import type { Blocker as BlockerView, PortfolioBlocker } from '@liftoff/shared';
import type { Blocker } from './blocker.entity';

export function toBlockerView(blocker: Blocker, mentionCount: number): BlockerView {
  return {
    id: blocker.id,
    pilotId: blocker.pilotId,
    text: blocker.text,
    category: blocker.category,
    status: blocker.status,
    firstSeenWeek: blocker.firstSeenWeek,
    lastSeenWeek: blocker.lastSeenWeek,
    mentionCount,
    resolvedAt: blocker.resolvedAt ? blocker.resolvedAt.toISOString() : null,
    resolutionNote: blocker.resolutionNote,
    version: blocker.version,
  };
}

/** Expects pilot and pilot.businessUnit to be loaded (their names at least). */
export function toPortfolioBlockerView(blocker: Blocker, mentionCount: number): PortfolioBlocker {
  return {
    ...toBlockerView(blocker, mentionCount),
    pilotName: blocker.pilot?.name ?? '',
    businessUnitId: blocker.pilot?.businessUnitId ?? '',
    businessUnitName: blocker.pilot?.businessUnit?.name ?? '',
  };
}
