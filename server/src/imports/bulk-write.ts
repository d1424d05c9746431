import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 1000;

/**
 * Inserts many rows in a few statements and writes their audit rows the same way. The audit
 * subscriber would insert one audit row per entity, one statement at a time, which is what makes a
 * 10,000-row import slow; the rows it writes here are the same (entity, id, action, after).
 */
export async function insertAudited<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: (T & { id: string })[],
  actorId: string | null,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await manager.createQueryBuilder().insert().into(target).values(chunk as never).callListeners(false).updateEntity(false).execute();
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
    const values = rows.slice(start, start + CHUNK).map((row) => ({
      actorId,
      entity: table,
      entityId: row.id,
      action,
      before: null,
      after: JSON.parse(JSON.stringify(row)) as Record<string, unknown>,
    }));
    await manager.createQueryBuilder().insert().into(AuditEvent).values(values as never).callListeners(false).updateEntity(false).execute();
  }
}
