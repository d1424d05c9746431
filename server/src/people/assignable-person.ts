import type { EntityManager } from 'typeorm';
import { assertReference } from '../common/references';
import { RequestValidationException } from '../common/validation';
import { Person } from './person.entity';

/**
 * A person being put into a role on a record (lead, sponsor, author) must exist and be active.
 * `currentId` is who holds it already: keeping a since-deactivated person in place is no new choice.
 */
export async function assertAssignablePerson(manager: EntityManager, id: string | null | undefined, field: string, currentId?: string | null): Promise<void> {
  const person = await assertReference(manager, Person, id, field);
  if (person) assertActivePerson(person, field, currentId);
}

/** What the rule reads of a person (`deactivatedAt` as stored, or as text from a JSON row). */
export interface AssignableRow {
  id: string;
  name: string;
  deactivatedAt: Date | string | null;
}

/** The same rule on a person read already (`null`: no person has the id `id`). */
export function assertAssignableRow(person: AssignableRow | null, id: string, field: string): void {
  if (!person) throw new RequestValidationException([{ field, messages: [`${field} ${id} does not exist`] }]);
  assertActivePerson(person, field);
}

function assertActivePerson(person: AssignableRow, field: string, currentId?: string | null): void {
  if (person.deactivatedAt && person.id !== currentId) {
    throw new RequestValidationException([{ field, messages: [`${field} ${person.id} (${person.name}) is deactivated; pick an active person`] }]);
  }
}
