import { allPages } from './pagination';

/** Rows an export reads at a time: a page's worth of memory, not the whole list's. */
export const EXPORT_BATCH_SIZE = 500;

/**
 * A whole list, in its order, a batch at a time. The ids and their order come from one statement (one
 * snapshot, so rows cannot shift between batches as they could with OFFSET); each batch then loads
 * its rows by id. A row deleted between the two is left out.
 */
export async function* inOrderedBatches<T>(
  ids: readonly string[],
  load: (batch: string[]) => Promise<T[]>,
  idOf: (row: T) => string,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<T[]> {
  if (ids.length === 0) return;
  yield* allPages(async ({ skip, pageSize }) => {
    const batch = ids.slice(skip, skip + pageSize);
    const byId = new Map((await load(batch)).map((row) => [idOf(row), row]));
    return { items: batch.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), total: ids.length };
  }, batchSize);
}
