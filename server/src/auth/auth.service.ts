import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { mayUsePassword, type ApiTokenView, type CreatedApiToken, type SessionUser } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { RequestValidationException } from '../common/validation';
import { Person } from '../people/person.entity';
import type { Actor } from './actor';
import { AccountLinksService } from './account-links.service';
import { ApiToken } from './api-token.entity';
import { hashPassword, newApiToken, verifyPassword } from './credentials';
import { AcceptAccountLinkDto, ChangePasswordDto, CreateApiTokenDto, LoginDto } from './dto/auth.dto';
import { endAccess, SessionsService } from './sessions.service';

function toSessionUser(person: Pick<Person, 'id' | 'name' | 'email' | 'role' | 'businessUnitId'>): SessionUser {
  return { id: person.id, name: person.name, email: person.email, role: person.role, businessUnitId: person.businessUnitId };
}

function toTokenView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** A signed-in person and the token for their session cookie. */
export interface SignedIn {
  user: SessionUser;
  session: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly links: AccountLinksService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Checks the password and opens a session. An unknown email, a person without a password and a
   * deactivated person all cost one argon2 check too (against a dummy hash), and get the same answer.
   */
  async login(dto: LoginDto, userAgent: string | undefined): Promise<SignedIn> {
    const person = await this.withHash(this.dataSource.manager, { email: dto.email });
    const matches = await verifyPassword(person?.passwordHash, dto.password);
    if (!person || !matches || person.deactivatedAt) throw new UnauthorizedException('Email or password is wrong');
    // Told only to someone who knows the password, so it reveals nothing about who the break-glass account is.
    if (!(await this.passwordsAllowedFor(person.id))) throw new ForbiddenException('Password sign-in is switched off: sign in with your company account');
    return this.dataSource.transaction(async (manager) => ({ user: toSessionUser(person), session: await this.sessions.open(manager, person.id, userAgent) }));
  }

  private async passwordsAllowedFor(personId: string): Promise<boolean> {
    const [row]: { password_sign_in: boolean; break_glass_person_id: string | null }[] = await this.dataSource.query('SELECT password_sign_in, break_glass_person_id FROM sso_settings WHERE id = 1');
    const ssoConfigured = Boolean(this.config.get('OIDC_ISSUER_URL', { infer: true }));
    return !row || mayUsePassword({ ssoConfigured, passwordSignIn: row.password_sign_in, breakGlassPersonId: row.break_glass_person_id }, personId);
  }

  /** The guard has just read the person with their session or token (live and active), so no query here. */
  me(actor: Actor): SessionUser {
    return toSessionUser(actor);
  }

  /**
   * Changes the password. Every session and API token of the person ends; a caller signed in with the
   * cookie gets a fresh session back (null when the change came through an API token).
   */
  changePassword(actor: Actor, dto: ChangePasswordDto, userAgent: string | undefined): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.withHash(manager, { id: actor.id });
      if (!person || !(await verifyPassword(person.passwordHash, dto.currentPassword))) {
        throw new RequestValidationException([{ field: 'currentPassword', messages: ['currentPassword is not your current password'] }]);
      }
      person.passwordHash = await hashPassword(dto.newPassword);
      await manager.save(person);
      await endAccess(manager, person.id, { tokens: true });
      return actor.via === 'session' ? this.sessions.open(manager, person.id, userAgent) : null;
    });
  }

  /** An invite or reset link: sets the password and signs the person in. */
  acceptLink(dto: AcceptAccountLinkDto, userAgent: string | undefined): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.links.accept(manager, dto.token, dto.password);
      return { user: toSessionUser(person), session: await this.sessions.open(manager, person.id, userAgent) };
    });
  }

  async listTokens(actor: Actor): Promise<ApiTokenView[]> {
    const tokens = await this.dataSource.manager.find(ApiToken, { where: { personId: actor.id }, order: { createdAt: 'DESC' } });
    return tokens.map(toTokenView);
  }

  createToken(personId: string, dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.dataSource.transaction(async (manager) => {
      const { token, hash, prefix } = newApiToken();
      const saved = await manager.save(manager.create(ApiToken, { personId, name: dto.name, tokenHash: hash, prefix, lastUsedAt: null, revokedAt: null }));
      return { ...toTokenView(saved), token };
    });
  }

  revokeToken(actor: Actor, id: string): Promise<ApiTokenView> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(ApiToken, { where: { id, personId: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!token) throw new NotFoundException(`API token ${id} was not found among your tokens`);
      if (token.revokedAt) throw new ConflictException(`API token ${id} is already revoked`);
      token.revokedAt = new Date();
      return toTokenView(await manager.save(token));
    });
  }

  private withHash(manager: EntityManager, where: { id?: string; email?: string }): Promise<Person | null> {
    return manager.createQueryBuilder(Person, 'person').addSelect('person.passwordHash').where(where).getOne();
  }
}
