import { allPages } from './pagination';
import { inOrderedBatches } from './ordered-batches';

const collect = async <T>(pages: AsyncGenerator<T[]>) => {
  const seen: T[][] = [];
  for await (const page of pages) seen.push(page);
  return seen;
};

describe('allPages', () => {
  it('reads page after page until the total is covered, and no page more', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const asked: number[] = [];
    const pages = await collect(
      allPages(async ({ page, pageSize, skip }) => {
        asked.push(page);
        return { items: rows.slice(skip, skip + pageSize), total: rows.length };
      }, 3),
    );
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('reads one page of an empty list and yields nothing', async () => {
    let reads = 0;
    const pages = await collect(allPages(async () => ((reads += 1), { items: [] as number[], total: 0 }), 3));
    expect(pages).toEqual([]);
    expect(reads).toBe(1);
  });
});

describe('inOrderedBatches', () => {
  it('yields the rows in the order of the ids, batch by batch, leaving out rows gone meanwhile', async () => {
    const loaded: string[][] = [];
    const batches = await collect(
      inOrderedBatches(
        ['c', 'a', 'gone', 'b', 'd'],
        async (ids) => (loaded.push(ids), ids.filter((id) => id !== 'gone').reverse().map((id) => ({ id }))),
        (row) => row.id,
        2,
      ),
    );
    expect(batches).toEqual([[{ id: 'c' }, { id: 'a' }], [{ id: 'b' }], [{ id: 'd' }]]);
    expect(loaded).toEqual([['c', 'a'], ['gone', 'b'], ['d']]);
  });

  it('loads nothing for no ids', async () => {
    let loads = 0;
    expect(await collect(inOrderedBatches([], async () => ((loads += 1), []), (row: { id: string }) => row.id))).toEqual([]);
    expect(loads).toBe(0);
  });
});
