import type { SpreadsheetFormat } from '@liftoff/shared';
import { API_BASE, toQueryString, type QueryParams } from '../api/http';

/** The lists that download as a file, by their path under `/api/exports/`. */
export type ExportList = 'pilots' | 'weekly-updates' | 'flags' | 'blockers' | 'decisions' | 'scale-queue' | 'audit';

/** Paging is the screen's business: the file holds the whole filtered list. */
const SCREEN_ONLY = new Set(['page', 'pageSize']);

/**
 * The address of a list's export carrying the list's current filters and sort, so the file holds
 * what the page shows (every page of it). Empty filters are left out, as the list itself does.
 */
export function exportHref(list: ExportList, format: SpreadsheetFormat, query: QueryParams = {}): string {
  const filters = Object.fromEntries(Object.entries(query).filter(([key]) => !SCREEN_ONLY.has(key)));
  return `${API_BASE}/exports/${list}${toQueryString({ ...filters, format })}`;
}
