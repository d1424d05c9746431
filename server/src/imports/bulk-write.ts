import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: one JSON parameter each, so only its size bounds it. */
const CHUNK = 5000;

/**
 * Inserts many rows of an entity in a few statements (the rows travel as one JSON array that
 * `json_populate_recordset` turns into the table's row type), then their audit rows the same way.
 * The audit subscriber would write one audit row per entity, one statement at a time: that is what
 * makes a 10,000-row import slow. The audit rows written here are the same (entity, id, action, after).
 */
export async function insertAudited<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: (T & { id: string })[],
  actorId: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  // The columns the rows give, and the version (1 for a new row); the rest take their defaults (created_at).
  const columns = metadata.columns.filter((column) => column.isVersion || rows[0][column.propertyName] !== undefined);
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const records = chunk.map((row) => Object.fromEntries(columns.map((column) => [column.databaseName, column.isVersion ? 1 : (row[column.propertyName] ?? null)])));
    await manager.query(`INSERT INTO "${metadata.tableName}" (${names}) SELECT ${names} FROM json_populate_recordset(NULL::"${metadata.tableName}", $1::json)`, [
      JSON.stringify(records),
    ]);
    await insertAudit(manager, metadata.tableName, chunk, actorId, 'insert');
  }
}

/** Audit rows for writes made without the subscriber (bulk inserts, set-based updates). */
export async function insertAudit(
  manager: EntityManager,
  table: string,
  rows: readonly ({ id: string } & ObjectLiteral)[],
  actorId: string | null,
  action: 'insert' | 'update',
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const records = rows.slice(start, start + CHUNK).map((row) => ({ actor_id: actorId, entity: table, entity_id: row.id, action, before: null, after: row }));
    await manager.query(
      `INSERT INTO audit_events (actor_id, entity, entity_id, action, before, after)
       SELECT actor_id, entity, entity_id, action, before, after FROM json_populate_recordset(NULL::audit_events, $1::json)`,
      [JSON.stringify(records)],
    );
  }
}
