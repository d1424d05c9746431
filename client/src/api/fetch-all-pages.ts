import type { Page } from '@liftoff/shared';

/** The server caps pageSize at 200; charts need a pilot's whole history, so walk the pages. */
export const MAX_PAGE_SIZE = 200;

export async function fetchAllPages<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page, MAX_PAGE_SIZE);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}
