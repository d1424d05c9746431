import { EntityMetadata, EntitySubscriberInterface, EventSubscriber, InsertEvent, ObjectLiteral, QueryRunner, RemoveEvent, TransactionCommitEvent, TransactionRollbackEvent, UpdateEvent } from 'typeorm';
import { AuditEvent, type AuditAction } from './audit-event.entity';
import { currentActorId } from './request-context';

/** Derived or self-describing tables that are not user writes (sessions: every sign-in would be one). */
// Packs too: each is an append-only record naming who made it and when; the trail would only copy its large snapshot.
const NOT_AUDITED = new Set(['audit_events', 'signal_flags', 'pilot_diagnoses', 'sessions', 'packs', 'notification_keys']);
// A channel's URL carries its token; its signing secret is a secret outright.
const SECRET_COLUMNS = new Set(['passwordHash', 'tokenHash', 'signingSecret', 'url']);

type AuditRow = Partial<AuditEvent>;
const AUDIT_ROWS_PER_INSERT = 1000;

/** An audit row waiting for its transaction to commit, with the transaction depth (savepoint) it was made at. */
interface PendingRow {
  depth: number;
  row: AuditRow;
}

/**
 * Audit rows of each open transaction, written in one statement just before it commits: a write that
 * saves several entities (an update with its readings, blockers and wordings) costs one round trip for
 * its audit trail, not one per entity. Rows made inside a savepoint that is rolled back are dropped.
 */
const pending = new WeakMap<QueryRunner, PendingRow[]>();

/**
 * The last audit insert of a write outside any transaction, per connection: a connection runs one query at a
 * time, and queueing them ourselves keeps pg from piling queries onto a busy client.
 */
const lastInsert = new WeakMap<object, Promise<unknown>>();

/**
 * Writes an audit row for every entity insert, update and delete, through the same connection and
 * in the same transaction, so it commits or rolls back with the write itself.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await recordAudit(event.manager, event.metadata, 'insert', null, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) return;
    await recordAudit(event.manager, event.metadata, 'update', event.databaseEntity ?? null, event.entity);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const before = event.databaseEntity ?? event.entity ?? null;
    await recordAudit(event.manager, event.metadata, 'delete', before, null, event.entityId);
  }

  /** The outermost commit writes the transaction's audit rows, all in one INSERT, before COMMIT. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (depthOf(event.queryRunner) !== 1) return;
    const rows = pending.get(event.queryRunner);
    if (!rows?.length) return;
    pending.delete(event.queryRunner);
    // In chunks: one statement may carry at most 65,535 parameters (7 per row).
    for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
      await event.manager.getRepository(AuditEvent).insert(rows.slice(i, i + AUDIT_ROWS_PER_INSERT).map((r) => r.row) as never);
    }
  }

  /** A released savepoint's rows now belong to the enclosing level. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const depth = depthOf(event.queryRunner);
    for (const row of pending.get(event.queryRunner) ?? []) row.depth = Math.min(row.depth, depth);
  }

  /** A rollback (to a savepoint, or of the whole transaction) drops the rows made inside it. */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const depth = depthOf(event.queryRunner);
    const rows = (pending.get(event.queryRunner) ?? []).filter((row) => row.depth <= depth);
    if (rows.length > 0 && depth > 0) pending.set(event.queryRunner, rows);
    else pending.delete(event.queryRunner);
  }
}

/**
 * Queues (in a transaction) or writes the audit row of one entity write: what the subscriber does for
 * TypeORM's own writes, and what a hand-written insert of entities calls for each row it writes, so
 * that the trail is the same either way.
 */
export async function recordAudit(
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
  const row: AuditRow = {
    actorId: currentActorId(),
    entity: metadata.tableName,
    entityId: String(typeof id === 'object' && id !== null ? Object.values(id).join(':') : (id ?? '')),
    action,
    before: before ? snapshot(metadata, before) : null,
    after: after ? snapshot(metadata, after) : null,
  };
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    const rows = pending.get(runner) ?? [];
    rows.push({ depth: depthOf(runner), row });
    pending.set(runner, rows);
    return;
  }
  const connection = runner ?? manager;
  const insert = (lastInsert.get(connection) ?? Promise.resolve()).then(() => manager.getRepository(AuditEvent).insert(row as never));
  lastInsert.set(connection, insert.catch(() => undefined));
  await insert;
}

/** How many transactions deep the runner is (1: the outermost, more: savepoints). */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? (runner.isTransactionActive ? 1 : 0);
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
