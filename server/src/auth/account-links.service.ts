import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ACCOUNT_LINK_TTL_DAYS,
  accountLinkPath,
  type AccountLinkInspection,
  type AccountLinkKind,
  type AccountLinkStatus,
  type IssuedAccountLink,
} from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { AccountLink } from './account-link.entity';
import { hashPassword, hashToken, newSecret } from './credentials';
import { endAccess } from './sessions.service';

function statusOf(link: AccountLink, now = new Date()): AccountLinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  return link.expiresAt <= now ? 'expired' : 'valid';
}

const UNUSABLE: Record<Exclude<AccountLinkStatus, 'valid'>, string> = {
  expired: 'This link has expired; ask the program office for a new one',
  used: 'This link has already been used; sign in, or ask the program office for a new one',
  revoked: 'This link was withdrawn; ask the program office for a new one',
};

/** Invite and password-reset links: single use, expiring, stored as a SHA-256 of the token. */
@Injectable()
export class AccountLinksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issues a new link for the person; any link still pending for them stops working. Mailing it is the caller's, after commit. */
  async issue(manager: EntityManager, personId: string, kind: AccountLinkKind, createdById: string | null): Promise<IssuedAccountLink> {
    await this.revokePending(manager, personId);
    const { token, hash } = newSecret();
    const expiresAt = new Date(Date.now() + ACCOUNT_LINK_TTL_DAYS * 86_400_000);
    const saved = await manager.save(manager.create(AccountLink, { personId, kind, tokenHash: hash, createdById, expiresAt, usedAt: null, revokedAt: null }));
    return { id: saved.id, kind, personId, expiresAt: expiresAt.toISOString(), token, path: accountLinkPath(token), mailed: false };
  }

  /** Withdraws the person's pending links; returns how many there were. */
  async revokePending(manager: EntityManager, personId: string, kind?: AccountLinkKind): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE account_links SET revoked_at = now() WHERE person_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND ($2::account_link_kind IS NULL OR kind = $2)`,
      [personId, kind ?? null],
    );
    return count;
  }

  async inspect(token: string): Promise<AccountLinkInspection> {
    const { link, person } = await this.find(this.dataSource.manager, token, false);
    return { kind: link.kind, name: person.name, email: person.email, expiresAt: link.expiresAt.toISOString(), status: statusOf(link) };
  }

  /**
   * Sets the password the link was issued for and uses the link up. Every other way the person was
   * signed in ends (a reset is how a lost or stolen password is replaced).
   */
  async accept(manager: EntityManager, token: string, password: string): Promise<Person> {
    const { link, person } = await this.find(manager, token, true);
    const status = statusOf(link);
    if (status !== 'valid') throw new GoneException(UNUSABLE[status]);
    if (person.deactivatedAt) throw new GoneException(UNUSABLE.revoked);
    link.usedAt = new Date();
    await manager.save(link);
    await this.revokePending(manager, person.id);
    await endAccess(manager, person.id, { tokens: true });
    person.passwordHash = await hashPassword(password);
    return manager.save(person);
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<{ link: AccountLink; person: Person }> {
    const link = await manager.findOne(AccountLink, { where: { tokenHash: hashToken(token) }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!link) throw new NotFoundException('This link is not valid; check that it was copied whole');
    const person = await manager.findOneOrFail(Person, { where: { id: link.personId } });
    return { link, person };
  }
}
