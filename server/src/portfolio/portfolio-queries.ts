import type { PortfolioFilter } from '@liftoff/shared';

/**
 * The filtered set of pilots every chart starts from, as a CTE named `fp`, with its parameters.
 * Parameters start at $1; callers append theirs after `params.length`.
 */
export function filteredPilots(filter: PortfolioFilter): { cte: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.businessUnitId) {
    params.push(filter.businessUnitId);
    where.push(`business_unit_id = $${params.length}`);
  }
  if (filter.stage) {
    params.push(filter.stage);
    where.push(`stage = $${params.length}`);
  }
  if (filter.sponsorId) {
    params.push(filter.sponsorId);
    where.push(`sponsor_id = $${params.length}`);
  }
  const cte = `fp AS (SELECT * FROM pilots ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`;
  return { cte, params };
}

export const TIME_BUCKETS: { bucket: string; from: number; to: number | null }[] = [
  { bucket: '0-3 months', from: 0, to: 3 },
  { bucket: '3-6 months', from: 3, to: 6 },
  { bucket: '6-9 months', from: 6, to: 9 },
  { bucket: '9-12 months', from: 9, to: 12 },
  { bucket: '12-18 months', from: 12, to: 18 },
  { bucket: '18+ months', from: 18, to: null },
];
