import type { EntityManager } from 'typeorm';
import type { AccountLinkKind, Person as PersonView } from '@liftoff/shared';
import type { Person } from './person.entity';

/** What the people list shows about signing in: password set, link pending. */
export interface AccountState {
  hasPassword: boolean;
  pendingLink: { kind: AccountLinkKind; expiresAt: string } | null;
}

const NO_ACCOUNT: AccountState = { hasPassword: false, pendingLink: null };

export function toPersonView(person: Person, state: AccountState = NO_ACCOUNT): PersonView {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    businessUnitId: person.businessUnitId,
    timeZone: person.timeZone,
    active: person.deactivatedAt === null,
    deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
    hasPassword: state.hasPassword,
    pendingLink: state.pendingLink,
    version: person.version,
  };
}

/** Account states of many people in two queries (never the hashes themselves). */
export async function accountStates(manager: EntityManager, ids: string[]): Promise<Map<string, AccountState>> {
  const states = new Map<string, AccountState>();
  if (ids.length === 0) return states;
  const people: { id: string; has_password: boolean }[] = await manager.query('SELECT id, password_hash IS NOT NULL AS has_password FROM people WHERE id = ANY($1)', [ids]);
  for (const row of people) states.set(row.id, { hasPassword: row.has_password, pendingLink: null });
  const links: { person_id: string; kind: AccountLinkKind; expires_at: Date }[] = await manager.query(
    `SELECT DISTINCT ON (person_id) person_id, kind, expires_at FROM account_links
      WHERE person_id = ANY($1) AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      ORDER BY person_id, created_at DESC`,
    [ids],
  );
  for (const link of links) {
    const state = states.get(link.person_id);
    if (state) state.pendingLink = { kind: link.kind, expiresAt: new Date(link.expires_at).toISOString() };
  }
  return states;
}

export async function viewOf(manager: EntityManager, person: Person): Promise<PersonView> {
  return toPersonView(person, (await accountStates(manager, [person.id])).get(person.id));
}
