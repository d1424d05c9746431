import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { StaleEdit } from '@liftoff/shared';
import { AuditEvent } from '../audit/audit-event.entity';
import { Person } from '../people/person.entity';

/** A 409 for a stale version that says who changed the record last and when, so the client can offer a reload. */
export class StaleEditException extends ConflictException {
  constructor(
    message: string,
    readonly staleEdit: StaleEdit,
  ) {
    super(message);
  }
}

/**
 * Loads a row for an edit inside a transaction, locking it so two concurrent edits queue up,
 * and refuses the edit when the client's version is not the current one (a stale read).
 */
export async function loadForEdit<E extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  expectedVersion: number,
  label: string,
): Promise<E> {
  const entity = await manager.findOne(target, {
    where: { id } as unknown as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!entity) throw new NotFoundException(`${label} ${id} was not found`);
  if (entity.version !== expectedVersion) {
    const last = await lastChange(manager, manager.getRepository(target).metadata.tableName, id);
    const who = last.changedAt ? `last by ${last.changedBy?.name ?? 'the system'} at ${last.changedAt}; ` : '';
    throw new StaleEditException(
      `${label} ${id} was changed by someone else since you read it (${who}you sent version ${expectedVersion}, current is ${entity.version}); reload and try again`,
      { currentVersion: entity.version, ...last },
    );
  }
  return entity;
}

/** The latest write of this row in the audit trail: its author (null for the system) and time. */
async function lastChange(manager: EntityManager, table: string, id: string): Promise<Omit<StaleEdit, 'currentVersion'>> {
  const row = await manager
    .createQueryBuilder(AuditEvent, 'event')
    .leftJoin(Person, 'actor', 'actor.id = event.actorId')
    .select(['event.at AS at', 'actor.id AS actor_id', 'actor.name AS actor_name'])
    .where('event.entity = :table AND event.entityId = :id', { table, id })
    .orderBy('event.at', 'DESC')
    .limit(1)
    .getRawOne<{ at: Date | string; actor_id: string | null; actor_name: string | null }>();
  if (!row) return { changedBy: null, changedAt: null };
  return {
    changedBy: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    changedAt: new Date(row.at).toISOString(),
  };
}

export async function findOrFail<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  label: string,
): Promise<E> {
  const entity = await manager.findOne(target, { where: { id } as unknown as FindOptionsWhere<E> });
  if (!entity) throw new NotFoundException(`${label} ${id} was not found`);
  return entity;
}
