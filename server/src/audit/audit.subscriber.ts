import { EntityMetadata, EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, RemoveEvent, UpdateEvent } from 'typeorm';
import { AuditEvent, type AuditAction } from './audit-event.entity';
import { currentActorId } from './request-context';

/** Derived or self-describing tables that are not user writes (sessions: every sign-in would be one). */
// Packs too: each is an append-only record naming who made it and when; the trail would only copy its large snapshot.
const NOT_AUDITED = new Set(['audit_events', 'signal_flags', 'pilot_diagnoses', 'sessions', 'packs']);
const SECRET_COLUMNS = new Set(['passwordHash', 'tokenHash']);

/**
 * The last audit insert queued on each connection. TypeORM calls the after-hooks of one save (an update with its
 * readings and blockers) side by side, but a connection runs one query at a time: queueing them ourselves keeps
 * pg from piling queries onto a busy client (deprecated, an error from pg 9 on).
 */
const lastInsert = new WeakMap<object, Promise<unknown>>();

/**
 * Writes an audit row for every entity insert, update and delete, through the same entity manager,
 * so it commits or rolls back with the write itself.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.manager, event.metadata, 'insert', null, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) return;
    await this.record(event.manager, event.metadata, 'update', event.databaseEntity ?? null, event.entity);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const before = event.databaseEntity ?? event.entity ?? null;
    await this.record(event.manager, event.metadata, 'delete', before, null, event.entityId);
  }

  private async record(
    manager: InsertEvent<ObjectLiteral>['manager'],
    metadata: EntityMetadata,
    action: AuditAction,
    before: ObjectLiteral | null,
    after: ObjectLiteral | null,
    removedId?: unknown,
  ): Promise<void> {
    if (NOT_AUDITED.has(metadata.tableName)) return;
    const source = after ?? before;
    const id = source ? metadata.getEntityIdMixedMap(source) : removedId;
    const row = {
      actorId: currentActorId(),
      entity: metadata.tableName,
      entityId: String(typeof id === 'object' && id !== null ? Object.values(id).join(':') : (id ?? '')),
      action,
      before: before ? snapshot(metadata, before) : null,
      after: after ? snapshot(metadata, after) : null,
    } as Partial<AuditEvent> as never;
    const connection = manager.queryRunner ?? manager;
    const insert = (lastInsert.get(connection) ?? Promise.resolve()).then(() => manager.getRepository(AuditEvent).insert(row));
    lastInsert.set(connection, insert.catch(() => undefined));
    await insert;
  }
}

function snapshot(metadata: EntityMetadata, entity: ObjectLiteral): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    if (SECRET_COLUMNS.has(column.propertyName)) {
      if (column.getEntityValue(entity) !== undefined) values[column.propertyName] = '[redacted]';
      continue;
    }
    const value = column.getEntityValue(entity);
    if (value !== undefined) values[column.propertyName] = value;
  }
  return values;
}
