import { randomUUID } from 'node:crypto';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Role } from '@liftoff/shared';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Person } from '../people/person.entity';
import { insertAudited } from './bulk-write';
import type { ErrorList } from './import-file';

/**
 * Business units (matched by name, ignoring case) and people (matched by email) that a file names,
 * with the ones to create when the upload asked for it. Shared by both kinds of file.
 */
export class ImportReferences {
  private readonly units = new Map<string, { id: string; name: string; isNew: boolean }>();
  private readonly people = new Map<string, { id: string; name: string; isNew: boolean; role: Role; active: boolean }>();

  private constructor(
    private readonly createUnits: boolean,
    private readonly createPeople: boolean,
  ) {}

  static async load(manager: EntityManager, options: { createUnits: boolean; createPeople: boolean }): Promise<ImportReferences> {
    const references = new ImportReferences(options.createUnits, options.createPeople);
    for (const unit of await manager.find(BusinessUnit, { select: { id: true, name: true } })) {
      references.units.set(unit.name.trim().toLowerCase(), { id: unit.id, name: unit.name, isNew: false });
    }
    for (const person of await manager.find(Person, { select: { id: true, name: true, email: true, role: true, deactivatedAt: true } })) {
      references.people.set(person.email, { id: person.id, name: person.name, isNew: false, role: person.role, active: person.deactivatedAt === null });
    }
    return references;
  }

  /** The unit's id, or null after recording why there is none. */
  unit(name: string, row: number, column: string, errors: ErrorList): string | null {
    const key = name.trim().toLowerCase();
    const known = this.units.get(key);
    if (known) return known.id;
    if (name.length > 120) {
      errors.add(row, column, 'a business unit name has at most 120 characters');
      return null;
    }
    if (!this.createUnits) {
      errors.add(row, column, `there is no business unit named "${name}"; add it first, or tick "create missing business units"`);
      return null;
    }
    const created = { id: randomUUID(), name: name.trim(), isNew: true };
    this.units.set(key, created);
    return created.id;
  }

  /**
   * The person's id, or null after recording why there is none. `nameColumn` names the column
   * whose text becomes the name of a person created here.
   */
  person(email: string, name: string, role: Role, row: number, columns: { email: string; name: string }, errors: ErrorList): string | null {
    const key = email.trim().toLowerCase();
    if (!isEmail(key) || key.length > 254) {
      errors.add(row, columns.email, `"${email}" is not an email address`);
      return null;
    }
    const known = this.people.get(key);
    if (known && !known.active) {
      errors.add(row, columns.email, `${key} is deactivated and cannot lead, sponsor or write updates`);
      return null;
    }
    if (known) return known.id;
    if (!this.createPeople) {
      errors.add(row, columns.email, `nobody has the email ${key}; invite them first, or tick "create missing people"`);
      return null;
    }
    if (name.trim() === '' || name.length > 160) {
      errors.add(row, columns.name, `${columns.name} is needed (at most 160 characters) to create the person ${key}`);
      return null;
    }
    const created = { id: randomUUID(), name: name.trim(), isNew: true, role, active: true };
    this.people.set(key, created);
    return created.id;
  }

  createdUnitNames(): string[] {
    return [...this.units.values()].filter((unit) => unit.isNew).map((unit) => unit.name);
  }

  createdPeopleEmails(): string[] {
    return [...this.people.entries()].filter(([, person]) => person.isNew).map(([email]) => email);
  }

  /** Writes the units and people planned for creation (people cannot sign in until invited). */
  async createMissing(manager: EntityManager, actorId: string | null): Promise<void> {
    const units = [...this.units.values()].filter((unit) => unit.isNew).map(({ id, name }) => ({ id, name }) as BusinessUnit);
    await insertAudited(manager, BusinessUnit, units, actorId);
    const people = [...this.people.entries()]
      .filter(([, person]) => person.isNew)
      .map(([email, { id, name, role }]) => ({ id, name, email, role, businessUnitId: null, deactivatedAt: null }) as Person);
    await insertAudited(manager, Person, people, actorId);
  }
}
