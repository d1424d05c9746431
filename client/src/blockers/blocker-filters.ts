import { BLOCKER_CATEGORIES, isoWeekOf, isoWeeksBetween, isValidIsoWeek, STAGES, type Blocker, type BlockerCategory, type BlockerListQuery, type BlockerStatus, type Stage } from '@liftoff/shared';

/** The status filter of the blockers list: the API's statuses, or both. Open is the default. */
export type BlockerStatusFilter = BlockerStatus | 'all';
export const BLOCKER_STATUS_FILTERS: readonly BlockerStatusFilter[] = ['open', 'resolved', 'all'];
export const DEFAULT_BLOCKER_STATUS: BlockerStatusFilter = 'open';

/** The blockers list's filters as read from the URL; values the API would refuse are dropped. */
export interface BlockerFilterValues {
  category?: BlockerCategory;
  status: BlockerStatusFilter;
  businessUnitId?: string;
  /** The pilot's current stage. */
  stage?: Stage;
  sponsorId?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function readBlockerFilters(params: URLSearchParams): BlockerFilterValues {
  return {
    category: oneOf(BLOCKER_CATEGORIES, params.get('category')),
    status: oneOf(BLOCKER_STATUS_FILTERS, params.get('status')) ?? DEFAULT_BLOCKER_STATUS,
    businessUnitId: params.get('businessUnitId') || undefined,
    stage: oneOf(STAGES, params.get('stage')),
    sponsorId: params.get('sponsorId') || undefined,
  };
}

/** Whether the list shows anything other than the default (every open blocker). */
export function isFiltered(values: BlockerFilterValues): boolean {
  return Boolean(values.category || values.businessUnitId || values.stage || values.sponsorId || values.status !== DEFAULT_BLOCKER_STATUS);
}

/** What the server is asked for: "all" is no status at all. */
export function toBlockerQuery(values: BlockerFilterValues, page: number, pageSize: number): BlockerListQuery {
  return {
    category: values.category,
    status: values.status === 'all' ? undefined : values.status,
    businessUnitId: values.businessUnitId,
    stage: values.stage,
    sponsorId: values.sponsorId,
    page,
    pageSize,
  };
}

/** Whole weeks since an open blocker was first reported (as the overview counts them); null once resolved. */
export function weeksOpen(blocker: Pick<Blocker, 'status' | 'firstSeenWeek'>, today: Date): number | null {
  if (blocker.status !== 'open' || !isValidIsoWeek(blocker.firstSeenWeek)) return null;
  return Math.max(0, isoWeeksBetween(blocker.firstSeenWeek, isoWeekOf(today)));
}
