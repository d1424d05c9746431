import {
  COMPLEXITIES,
  HEALTHS,
  PATTERNS,
  PILOT_SORT_FIELDS,
  SORT_ORDERS,
  STAGES,
  type PilotListQuery,
  type PilotSortField,
  type SortOrder,
  isValidIsoWeek,
} from '@liftoff/shared';
import { COMPLEXITY_LABELS, HEALTH_LABELS } from '../format/labels';

export const PILOTS_PAGE_SIZE = 25;
const DEFAULT_SORT: PilotSortField = 'name';
const DEFAULT_ORDER: SortOrder = 'asc';

/**
 * What the pilots list shows, as read from the URL so a view can be shared by link: the API's
 * filters (`leadId` is "my pilots" for a lead, `sponsorId` "pilots I sponsor" for an executive),
 * with paging and sorting always set.
 */
export type PilotListView = Omit<PilotListQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'underway'> & {
  /** The time-in-pilot drill-down only ever narrows to underway pilots; absent means every stage. */
  underway?: true;
  page: number;
  sort: PilotSortField;
  order: SortOrder;
};

/** The filters the portfolio's time-in-pilot chart adds when a segment is clicked. */
const DRILL_DOWN_KEYS = ['complexity', 'underway', 'monthsInPilotMin', 'monthsInPilotMax'] as const;
/** The filters the portfolio's health-over-time chart adds: a health reported in one week. */
const HEALTH_WEEK_KEYS = ['health', 'healthWeek'] as const;
const FILTER_KEYS = ['businessUnitId', 'stage', 'leadId', 'sponsorId', 'search', 'pattern', 'startedAfter', 'startedBefore', ...DRILL_DOWN_KEYS, ...HEALTH_WEEK_KEYS] as const;
export type PilotListChange = Partial<Record<(typeof FILTER_KEYS)[number] | 'page' | 'sort' | 'order', string | undefined>>;

/**
 * Columns whose shown value runs against the sort field: "days since update" grows as `lastUpdateAt`
 * gets older, so ascending days is descending `lastUpdateAt`.
 */
const SHOWN_INVERTED: ReadonlySet<PilotSortField> = new Set(['lastUpdateAt']);

export function isShownInverted(field: PilotSortField): boolean {
  return SHOWN_INVERTED.has(field);
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A calendar day `YYYY-MM-DD` that exists, as the API takes it. */
function calendarDay(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Months in pilot as the API takes them: a plain decimal, zero or more. */
function months(value: string | null): number | undefined {
  return value !== null && /^\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

/** Reads the view from the query string, ignoring values the API would reject (hand-edited links). */
export function readPilotListView(params: URLSearchParams): PilotListView {
  const page = Number(params.get('page'));
  const startedAfter = calendarDay(params.get('startedAfter'));
  const startedBefore = calendarDay(params.get('startedBefore'));
  const monthsInPilotMin = months(params.get('monthsInPilotMin'));
  const monthsInPilotMax = months(params.get('monthsInPilotMax'));
  const health = oneOf(HEALTHS, params.get('health'));
  const healthWeek = params.get('healthWeek');
  return {
    businessUnitId: params.get('businessUnitId') || undefined,
    stage: oneOf(STAGES, params.get('stage')),
    leadId: params.get('leadId') || undefined,
    sponsorId: params.get('sponsorId') || undefined,
    search: params.get('search')?.trim() || undefined,
    pattern: oneOf(PATTERNS, params.get('pattern')),
    startedAfter,
    // An empty range is refused by the API; keep the lower bound.
    startedBefore: startedAfter && startedBefore && startedBefore <= startedAfter ? undefined : startedBefore,
    complexity: oneOf(COMPLEXITIES, params.get('complexity')),
    // `underway=false` means every stage, the same as leaving it out.
    underway: params.get('underway') === 'true' ? true : undefined,
    monthsInPilotMin,
    // Likewise an empty months range: keep the lower bound.
    monthsInPilotMax: monthsInPilotMin !== undefined && monthsInPilotMax !== undefined && monthsInPilotMax <= monthsInPilotMin ? undefined : monthsInPilotMax,
    health,
    // The API refuses a week without a health; a week alone would say nothing anyway.
    healthWeek: health && isValidIsoWeek(healthWeek) ? healthWeek : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: oneOf(PILOT_SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT,
    order: oneOf(SORT_ORDERS, params.get('order')) ?? DEFAULT_ORDER,
  };
}

export function toPilotListParams(view: PilotListView): PilotListQuery {
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

/** Clicking the sorted column flips the order; another column starts with its shown values ascending. */
export function nextSort(view: PilotListView, field: PilotSortField): PilotListChange {
  if (view.sort === field) return { sort: field, order: view.order === 'asc' ? 'desc' : 'asc' };
  return { sort: field, order: isShownInverted(field) ? 'desc' : 'asc' };
}

export function hasFilters(view: PilotListView): boolean {
  return FILTER_KEYS.some((key) => view[key] !== undefined);
}

/** Every filter cleared; sort and page are left to the caller. */
export const CLEAR_FILTERS: PilotListChange = Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined]));

/** Every part of the time-in-pilot drill-down cleared, leaving the other filters. */
export const CLEAR_DRILL_DOWN: PilotListChange = Object.fromEntries(DRILL_DOWN_KEYS.map((key) => [key, undefined]));

/** The health-over-time drill-down cleared, leaving the other filters. */
export const CLEAR_HEALTH_WEEK: PilotListChange = Object.fromEntries(HEALTH_WEEK_KEYS.map((key) => [key, undefined]));

/**
 * The health-over-time drill-down in words, e.g. "Health in 2026-W40: At risk". Null without a week:
 * a health alone is the "Latest health" filter, which has its own field.
 */
export function healthWeekSummary(view: PilotListView): string | null {
  return view.health && view.healthWeek ? `Health in ${view.healthWeek}: ${HEALTH_LABELS[view.health]}` : null;
}

/**
 * The time-in-pilot drill-down in words, e.g. "Complexity: Typical · 3–6 months in pilot · underway
 * only", so a person sees why the list is narrowed. Null when the view has none of it.
 */
export function drillDownSummary(view: PilotListView): string | null {
  const parts: string[] = [];
  if (view.complexity) parts.push(`Complexity: ${COMPLEXITY_LABELS[view.complexity]}`);
  const { monthsInPilotMin: min, monthsInPilotMax: max } = view;
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max} months in pilot`);
  else if (min !== undefined) parts.push(min === 0 ? 'already started' : `${min}+ months in pilot`);
  else if (max !== undefined) parts.push(`under ${max} months in pilot`);
  if (view.underway) parts.push('underway only');
  return parts.length > 0 ? parts.join(' · ') : null;
}
