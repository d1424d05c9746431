/**
 * Fills an empty, migrated database with the benchmark portfolio. Up to 5,000 pilots it is generated
 * in chunks of 5,000 (one chunk in memory at a time), each chunk a portfolio of its own seed sharing
 * the first chunk's business units. A multiple of 5,000 above that is better made from a 5,000-pilot
 * copy with `replicatePortfolio`: generating 50,000 pilots in Node would take most of an hour and
 * gigabytes of memory.
 */
import type { DataSource } from 'typeorm';
import { insertPortfolio } from '../../server/dist/database/seed/bulk-insert';
import { LARGE_OPTIONS, generatePortfolio, type PortfolioRows } from '../../server/dist/database/seed/portfolio-generator';
import { seconds } from './large-database';

export const PORTFOLIO_CHUNK = 5000;

/** Chunk `index` of a chunked portfolio: its own seed, the first chunk's business units, unique e-mails. */
function chunkRows(index: number, pilots: number, now: Date, units: Map<number, string> | null): PortfolioRows {
  const rows = generatePortfolio({ ...LARGE_OPTIONS, seed: LARGE_OPTIONS.seed + index, pilots, now });
  if (index === 0 || !units) return rows;
  const remap = new Map<string, string>();
  rows.business_units.forEach((unit, position) => remap.set(unit.id as string, units.get(position)!));
  rows.business_units = [];
  for (const person of rows.people) person.email = `c${index}-${String(person.email)}`;
  for (const table of [rows.people, rows.pilots]) {
    for (const row of table) if (typeof row.business_unit_id === 'string') row.business_unit_id = remap.get(row.business_unit_id) ?? row.business_unit_id;
  }
  return rows;
}

/** Generates and inserts `pilots` pilots dated back from `now`, then refreshes the statistics. */
export async function fillPortfolio(dataSource: DataSource, pilots: number, now: Date): Promise<void> {
  let units: Map<number, string> | null = null;
  for (let index = 0, done = 0; done < pilots; index += 1, done += PORTFOLIO_CHUNK) {
    const t = Date.now();
    const rows = chunkRows(index, Math.min(PORTFOLIO_CHUNK, pilots - done), now, units);
    if (index === 0) units = new Map(rows.business_units.map((unit, position) => [position, unit.id as string]));
    await dataSource.transaction((manager) => insertPortfolio(manager, rows));
    console.log(`  chunk ${index + 1}: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} updates in ${seconds(Date.now() - t)}`);
  }
  await dataSource.query('VACUUM ANALYZE');
}

/** Tables a pilot owns, in insert order, and the columns that point at them (remapped in each copy). */
const OWNED_TABLES = ['pilots', 'stage_changes', 'kpis', 'blockers', 'weekly_updates', 'kpi_readings', 'update_blockers', 'blocker_wordings', 'readiness_assessments', 'decisions'];
const OWNED_REFERENCES = new Set(['id', 'pilot_id', 'pivoted_from_id', 'resulting_pilot_id', 'supersedes_id', 'kpi_id', 'update_id', 'blocker_id']);

/**
 * Adds `copies` copies of every pilot's data under new ids (md5 of the old id and the copy number),
 * with the same people and business units, then refreshes the statistics.
 */
export async function replicatePortfolio(dataSource: DataSource, copies: number): Promise<void> {
  for (const table of OWNED_TABLES) {
    const columns: { column_name: string; data_type: string }[] = await dataSource.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const kept = columns.filter((c) => !(c.column_name === 'id' && c.data_type !== 'uuid'));
    const names = kept.map((c) => `"${c.column_name}"`).join(', ');
    const values = kept
      .map((c) => (c.data_type === 'uuid' && OWNED_REFERENCES.has(c.column_name) ? `md5("${c.column_name}"::text || '-' || n)::uuid` : `"${c.column_name}"`))
      .join(', ');
    const t = Date.now();
    await dataSource.query(`INSERT INTO ${table} (${names}) SELECT ${values} FROM ${table} CROSS JOIN generate_series(1, $1) AS n`, [copies]);
    console.log(`  replicated ${table} x${copies + 1} in ${seconds(Date.now() - t)}`);
  }
  await dataSource.query('VACUUM ANALYZE');
}
