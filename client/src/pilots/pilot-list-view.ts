import { STAGES, type Stage } from '@liftoff/shared';
import { PILOT_SORT_FIELDS, type PilotListParams, type PilotSortField, type SortOrder } from '../api/pilots';

export const PILOTS_PAGE_SIZE = 25;
const DEFAULT_SORT: PilotSortField = 'name';
const DEFAULT_ORDER: SortOrder = 'asc';

/** What the pilots list shows, as read from the URL so a view can be shared by link. */
export interface PilotListView {
  businessUnitId?: string;
  stage?: Stage;
  /** "My pilots" for a lead, "pilots I sponsor" for an executive. */
  leadId?: string;
  sponsorId?: string;
  search?: string;
  page: number;
  sort: PilotSortField;
  order: SortOrder;
}

export type PilotListChange = Partial<Record<'businessUnitId' | 'stage' | 'leadId' | 'sponsorId' | 'search' | 'page' | 'sort' | 'order', string | undefined>>;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the view from the query string, ignoring values the API would reject (hand-edited links). */
export function readPilotListView(params: URLSearchParams): PilotListView {
  const page = Number(params.get('page'));
  return {
    businessUnitId: params.get('businessUnitId') || undefined,
    stage: oneOf(STAGES, params.get('stage')),
    leadId: params.get('leadId') || undefined,
    sponsorId: params.get('sponsorId') || undefined,
    search: params.get('search')?.trim() || undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: oneOf(PILOT_SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT,
    order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? DEFAULT_ORDER,
  };
}

export function toPilotListParams(view: PilotListView): PilotListParams {
  return { ...view, pageSize: PILOTS_PAGE_SIZE };
}

/**
 * Applies changes to the query string. Any change other than paging returns to page 1, and default
 * values are left out so links stay short.
 */
export function applyPilotListChange(current: URLSearchParams, change: PilotListChange): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in change)) next.delete('page');
  if (next.get('page') === '1') next.delete('page');
  if (next.get('sort') === DEFAULT_SORT && next.get('order') !== 'desc') next.delete('sort');
  if (next.get('order') === DEFAULT_ORDER) next.delete('order');
  return next;
}

/** Clicking the sorted column flips the order; another column starts ascending. */
export function nextSort(view: PilotListView, field: PilotSortField): PilotListChange {
  const order: SortOrder = view.sort === field && view.order === 'asc' ? 'desc' : 'asc';
  return { sort: field, order };
}

export function hasFilters(view: PilotListView): boolean {
  return Boolean(view.businessUnitId || view.stage || view.search || view.leadId || view.sponsorId);
}

/** Every filter cleared; sort and page are left to the caller. */
export const CLEAR_FILTERS: PilotListChange = { businessUnitId: undefined, stage: undefined, search: undefined, leadId: undefined, sponsorId: undefined };
