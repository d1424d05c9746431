import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { RequestValidationException } from './validation';

/** A body field that points at another record: an unknown id is the client's mistake, named by field. */
export async function assertReference<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string | null | undefined,
  field: string,
): Promise<E | null> {
  if (id === null || id === undefined) return null;
  const entity = await manager.findOne(target, { where: { id } as unknown as FindOptionsWhere<E> });
  if (!entity) throw new RequestValidationException([{ field, messages: [`${field} ${id} does not exist`] }]);
  return entity;
}
