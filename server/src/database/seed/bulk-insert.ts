import type { EntityManager } from 'typeorm';
import type { PortfolioRows, Row } from './portfolio-generator';

const CHUNK_ROWS = 5000;

/**
 * Inserts generated rows table by table, thousands per statement: PostgreSQL expands a JSON array into
 * typed rows (json_populate_recordset), so enums, arrays and dates need no per-column plumbing.
 */
export async function insertPortfolio(manager: EntityManager, rows: PortfolioRows): Promise<void> {
  for (const [table, tableRows] of Object.entries(rows) as [string, Row[]][]) {
    if (tableRows.length === 0) continue;
    const columns = Object.keys(tableRows[0]);
    const list = columns.map((column) => `"${column}"`).join(', ');
    for (let i = 0; i < tableRows.length; i += CHUNK_ROWS) {
      const chunk = JSON.stringify(tableRows.slice(i, i + CHUNK_ROWS));
      await manager.query(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [chunk]);
    }
  }
}
