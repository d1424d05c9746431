import type { BlockerCategory, BlockerListQuery, BlockerStatus, PortfolioBlocker } from '@liftoff/shared';

/** The portfolio list's order: open first, then the longest standing. */
const ORDER = 'b.status, b.first_seen_week, b.created_at, b.id';

/** The statements of a page of `GET /blockers` and of its count, with their shared parameters. */
export interface BlockerPageSql {
  page: string;
  count: string;
  params: unknown[];
}

/**
 * A page of the portfolio's blockers by hand-written SQL: the query builder's SQL and the entities it
 * hydrated (blocker, pilot, unit) cost more CPU than the statements themselves. The page is sorted and
 * cut over blockers alone (joined to pilots only when a filter is on the pilot), then gets its pilot,
 * unit and mention count: joined before the sort, every matching blocker got them (several times the
 * floor). `count` reads the same rows and is run beside the page; the page takes LIMIT and OFFSET as the
 * two parameters after `params`.
 */
export function blockerPageSql(query: BlockerListQuery): BlockerPageSql {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.businessUnitId) where.push(`p.business_unit_id = ${param(query.businessUnitId)}`);
  if (query.stage) where.push(`p.stage = ${param(query.stage)}`);
  if (query.sponsorId) where.push(`p.sponsor_id = ${param(query.sponsorId)}`);
  const byPilot = where.length > 0;
  if (query.category) where.push(`b.category = ${param(query.category)}`);
  if (query.status) where.push(`b.status = ${param(query.status)}`);
  const from = `FROM blockers b${byPilot ? ' JOIN pilots p ON p.id = b.pilot_id' : ''}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const limit = `$${params.length + 1}`;
  const offset = `$${params.length + 2}`;
  return {
    page: `
      SELECT b.id, b.pilot_id, b.text, b.category, b.status, b.first_seen_week, b.last_seen_week, b.resolved_at,
             b.resolution_note, b.version, p.name AS pilot_name, p.business_unit_id, bu.name AS business_unit_name,
             (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS mention_count
        FROM (SELECT b.* ${from} ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset}) b
        JOIN pilots p ON p.id = b.pilot_id
        JOIN business_units bu ON bu.id = p.business_unit_id
       ORDER BY ${ORDER}`,
    count: `SELECT count(*)::int AS total ${from}`,
    params,
  };
}

/** A row of `BlockerPageSql.page` as pg hands it over. */
export interface BlockerPageRow {
  id: string;
  pilot_id: string;
  text: string;
  category: BlockerCategory;
  status: BlockerStatus;
  first_seen_week: string;
  last_seen_week: string;
  resolved_at: Date | null;
  resolution_note: string | null;
  version: number;
  pilot_name: string;
  business_unit_id: string;
  business_unit_name: string;
  mention_count: number;
}

/** The same view, key for key, as `toPortfolioBlockerView` makes from the entities. */
export function toPortfolioBlockerFromRow(row: BlockerPageRow): PortfolioBlocker {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    text: row.text,
    category: row.category,
    status: row.status,
    firstSeenWeek: row.first_seen_week,
    lastSeenWeek: row.last_seen_week,
    mentionCount: row.mention_count,
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    resolutionNote: row.resolution_note,
    version: row.version,
    pilotName: row.pilot_name,
    businessUnitId: row.business_unit_id,
    businessUnitName: row.business_unit_name,
  };
}
