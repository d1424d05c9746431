import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountLinkKind, InvitedPerson, IssuedAccountLink, Person as PersonView } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { AccountLinksService } from '../auth/account-links.service';
import { AccountLinkMailer } from '../mail/account-link-mailer';
import { endAccess } from '../auth/sessions.service';
import { CreatePersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import { Person } from './person.entity';
import { viewOf } from './person-view';

/** The program office's hold on who can sign in: invites, reset links, deactivation. */
@Injectable()
export class PersonAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly links: AccountLinksService,
    private readonly linkMailer: AccountLinkMailer,
  ) {}

  /** Creates the person and their invite link (shown once, in this answer), emailed once the write committed. */
  async invite(dto: CreatePersonDto, actor: Actor): Promise<InvitedPerson> {
    const invited = await this.dataSource.transaction(async (manager) => {
      const person = await this.people.createIn(manager, dto);
      const link = await this.links.issue(manager, person.id, 'invite', actor.id);
      return { person: await viewOf(manager, person), link };
    });
    return { person: invited.person, link: await this.linkMailer.deliver(invited.person, invited.link) };
  }

  /** A new invite link for someone who has not set a password yet; the previous link stops working. */
  resendInvite(id: string, actor: Actor): Promise<IssuedAccountLink> {
    return this.issueLink(id, 'invite', actor);
  }

  /** A password-reset link for someone who has signed in before (or an invite for someone who never has). */
  issueReset(id: string, actor: Actor): Promise<IssuedAccountLink> {
    return this.issueLink(id, 'reset', actor);
  }

  /** Withdraws the person's pending invite or reset link. */
  revokeLinks(id: string): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lock(manager, id);
      if ((await this.links.revokePending(manager, id)) === 0) throw new ConflictException(`${person.name} has no pending invite or reset link`);
      return viewOf(manager, person);
    });
  }

  /** Signs the person out everywhere at once and keeps them from signing in; their history stays. */
  deactivate(id: string, actor: Actor): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lock(manager, id);
      if (person.id === actor.id) throw new ConflictException('You cannot deactivate yourself; ask another program-office member');
      if (person.deactivatedAt) throw new ConflictException(`${person.name} is already deactivated`);
      person.deactivatedAt = new Date();
      await manager.save(person);
      await endAccess(manager, person.id, { tokens: true });
      await this.links.revokePending(manager, person.id);
      return viewOf(manager, person);
    });
  }

  /** Lets them sign in again with their password (API tokens stay revoked; they make new ones). */
  reactivate(id: string): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.lock(manager, id);
      if (!person.deactivatedAt) throw new ConflictException(`${person.name} is active already`);
      person.deactivatedAt = null;
      return viewOf(manager, await manager.save(person));
    });
  }

  private async issueLink(id: string, kind: AccountLinkKind, actor: Actor): Promise<IssuedAccountLink> {
    const { person, link } = await this.dataSource.transaction(async (manager) => {
      const person = await this.lock(manager, id);
      if (person.deactivatedAt) throw new ConflictException(`${person.name} is deactivated; reactivate them first`);
      const [{ has_password }]: { has_password: boolean }[] = await manager.query('SELECT password_hash IS NOT NULL AS has_password FROM people WHERE id = $1', [id]);
      if (kind === 'invite' && has_password) throw new ConflictException(`${person.name} has already set a password; send a password-reset link instead`);
      return { person, link: await this.links.issue(manager, person.id, kind, actor.id) };
    });
    return this.linkMailer.deliver(person, link);
  }

  private async lock(manager: EntityManager, id: string): Promise<Person> {
    const person = await manager.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!person) throw new NotFoundException(`Person ${id} was not found`);
    return person;
  }
}
