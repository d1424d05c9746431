import type { Blocker as BlockerView, BlockerCategory, BlockerListQuery, BlockerStatus, PortfolioBlocker } from '@liftoff/shared';

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
      SELECT ${BLOCKER_COLUMNS}, p.name AS pilot_name, p.business_unit_id, bu.name AS business_unit_name
        FROM (SELECT b.* ${from} ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset}) b
        JOIN pilots p ON p.id = b.pilot_id
        JOIN business_units bu ON bu.id = p.business_unit_id
       ORDER BY ${ORDER}`,
    count: `SELECT count(*)::int AS total ${from}`,
    params,
  };
}

/** A blocker's own columns and mention count, as `BlockerRow` reads them. */
const BLOCKER_COLUMNS = `b.id, b.pilot_id, b.text, b.category, b.status, b.first_seen_week, b.last_seen_week, b.resolved_at,
             b.resolution_note, b.version, (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS mention_count`;

/**
 * A pilot's blockers with their mention counts in one statement (`$1` the pilot, `$2` a status or
 * null): the entities and then their counts were two statements one after the other. The same order
 * as before, ties (blockers one update created) left to the plan as they were.
 */
export const PILOT_BLOCKERS_SQL = `
  SELECT ${BLOCKER_COLUMNS}
    FROM blockers b
   WHERE b.pilot_id = $1 AND ($2::blocker_status IS NULL OR b.status = $2)
   ORDER BY b.status, b.first_seen_week, b.created_at`;

/** A row of `PILOT_BLOCKERS_SQL` as pg hands it over. */
export interface BlockerRow {
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
  mention_count: number;
}

/** The same view, key for key, as `toBlockerView` makes from the entity. */
export function toBlockerFromRow(row: BlockerRow): BlockerView {
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
  };
}

/** A row of `BlockerPageSql.page` as pg hands it over. */
export interface BlockerPageRow extends BlockerRow {
  pilot_name: string;
  business_unit_id: string;
  business_unit_name: string;
}

/** The same view, key for key, as `toPortfolioBlockerView` makes from the entities. */
export function toPortfolioBlockerFromRow(row: BlockerPageRow): PortfolioBlocker {
  return { ...toBlockerFromRow(row), pilotName: row.pilot_name, businessUnitId: row.business_unit_id, businessUnitName: row.business_unit_name };
}
