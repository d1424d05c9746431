import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

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
    throw new ConflictException(
      `${label} ${id} was changed by someone else (you sent version ${expectedVersion}, current is ${entity.version}); reload and try again`,
    );
  }
  return entity;
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
