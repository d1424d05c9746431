import type { BlockerStatus, PilotListQuery, UpdateListQuery } from '@liftoff/shared';

/**
 * Every cache key in one place. A pilot's sub-resources live under its detail key, so invalidating
 * `pilotKeys.detail(id)` refreshes the pilot page after a write.
 */
export const pilotKeys = {
  all: ['pilots'] as const,
  lists: () => [...pilotKeys.all, 'list'] as const,
  list: (params: PilotListQuery) => [...pilotKeys.lists(), params] as const,
  detail: (id: string) => [...pilotKeys.all, 'detail', id] as const,
  stageChanges: (id: string) => [...pilotKeys.detail(id), 'stage-changes'] as const,
  kpis: (id: string) => [...pilotKeys.detail(id), 'kpis'] as const,
  blockers: (id: string, status?: BlockerStatus) => [...pilotKeys.detail(id), 'blockers', status ?? 'all'] as const,
  updates: (id: string) => [...pilotKeys.detail(id), 'updates'] as const,
  updatesPage: (id: string, page: number, pageSize: number) => [...pilotKeys.updates(id), { page, pageSize }] as const,
  allUpdates: (id: string) => [...pilotKeys.updates(id), 'all'] as const,
};

export const updateKeys = {
  all: ['updates'] as const,
  portfolio: (query: UpdateListQuery) => [...updateKeys.all, 'portfolio', query] as const,
};

export const referenceKeys = {
  businessUnits: ['business-units'] as const,
  people: (query: object) => ['people', query] as const,
  health: ['health'] as const,
};
