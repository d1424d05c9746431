import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Page } from '@liftoff/shared';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
/** Far beyond any list the product holds; a larger page number is a client mistake, not an OFFSET for the database. */
export const MAX_PAGE = 100_000;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export function pageWindow(query: PageQueryDto): { page: number; pageSize: number; skip: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<E, T>(rows: E[], total: number, window: { page: number; pageSize: number }, map: (row: E) => T): Page<T> {
  return { items: rows.map(map), total, page: window.page, pageSize: window.pageSize };
}

/**
 * A whole list read page after page until its total is covered, each page yielded as it arrives (empty
 * ones are skipped): one page's worth of memory at a time.
 */
export async function* allPages<T>(
  readPage: (window: { page: number; pageSize: number; skip: number }) => Promise<{ items: T[]; total: number }>,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const batch = await readPage({ page, pageSize, skip: (page - 1) * pageSize });
    if (batch.items.length) yield batch.items;
    if (page * pageSize >= batch.total) return;
  }
}
