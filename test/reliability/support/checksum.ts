import type { Pool } from 'pg';

/**
 * Columns every authenticated request may write, so a read (or a refused write) legitimately changes them:
 * - sessions.last_seen_at: the session's "last active" time, refreshed by any request with the cookie
 *   (at most every few minutes, sessions.service.ts), shown on the account page;
 * - api_tokens.last_used_at: the same for a personal API token.
 * Every other column of every table, these tables' other columns included, is in the checksum.
 */
export const TOUCHED_BY_EVERY_REQUEST: Record<string, string[]> = {
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
};

/**
 * What the notification workers change in the background after a write committed, whichever request
 * is running at that moment: an outbox event marked dispatched, and the deliveries (with their
 * attempts) made from it. An event's row itself is written inside its write and stays in the checksum.
 */
export const CHANGED_BY_BACKGROUND_WORK: Record<string, string[]> = {
  outbox_events: ['dispatched_at'],
};
export const BACKGROUND_TABLES = new Set(['deliveries', 'delivery_attempts']);

/**
 * The sign-in rate limit's counts: every attempt at a password route counts, a refused one too (that is
 * the point of counting), so a refusal legitimately changes them.
 */
export const COUNTED_ATTEMPT_TABLES = new Set(['attempt_windows']);

/**
 * Tables a scheduled job rewrites without changing what they say, read through what they say: the hourly
 * fold of `weekly_health_counts` (WeeklyHealthCounts, at minute 41) replaces its rows by one row per week
 * and health with the same sums, so its raw rows (and their ids) change while only refusals are in flight.
 * A refused request that changed a count still changes these sums.
 */
export const FOLDED_TABLES: Record<string, { columns: string[]; rows: string }> = {
  weekly_health_counts: {
    columns: ['week_start', 'week', 'health', 'updates'],
    rows: `SELECT week_start, week, health, sum(updates) AS updates FROM weekly_health_counts GROUP BY 1, 2, 3 HAVING sum(updates) <> 0`,
  },
};

export type Checksums = Map<string, string>;

const statements = new WeakMap<Pool, string>();

/**
 * One statement over every table of the public schema (read once per connection and prepared, since the
 * fuzzer takes thousands): each table's row count and the sum of a 64-bit hash of each row's text. Equal
 * sums mean equal contents (a collision needs two different changes to cancel out in 64 bits).
 */
async function checksumStatement(pg: Pool): Promise<string> {
  const known = statements.get(pg);
  if (known) return known;
  const { rows } = await pg.query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const { table, column } of rows) {
    if (BACKGROUND_TABLES.has(table) || COUNTED_ATTEMPT_TABLES.has(table)) continue;
    if (FOLDED_TABLES[table]) {
      columns.set(table, FOLDED_TABLES[table].columns);
      continue;
    }
    if ((TOUCHED_BY_EVERY_REQUEST[table] ?? []).includes(column) || (CHANGED_BY_BACKGROUND_WORK[table] ?? []).includes(column)) continue;
    columns.set(table, [...(columns.get(table) ?? []), column]);
  }
  const text = [...columns]
    .map(([table, cols]) => `SELECT '${table}' AS name, count(*) || ':' || coalesce(sum(hashtextextended(ROW(${cols.map((c) => `t."${c}"`).join(', ')})::text, 0)::numeric), 0) AS sum FROM ${FOLDED_TABLES[table] ? `(${FOLDED_TABLES[table].rows})` : `"${table}"`} t`)
    .join(' UNION ALL ');
  statements.set(pg, text);
  return text;
}

/** A fingerprint of each table's rows, for every table of the public schema. */
export async function tableChecksums(pg: Pool): Promise<Checksums> {
  const text = await checksumStatement(pg);
  const { rows } = await pg.query<{ name: string; sum: string }>({ name: 'table-checksums', text });
  return new Map(rows.map((r) => [r.name, r.sum]));
}

/** The tables whose checksum differs (or that appeared or disappeared). */
export function changedTables(before: Checksums, after: Checksums): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
