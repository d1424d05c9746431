import { ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ApiTokenView, CreatedApiToken, SessionUser } from '@liftoff/shared';
import { RequestValidationException } from '../common/validation';
import { Person } from '../people/person.entity';
import type { Actor } from './actor';
import { ApiToken } from './api-token.entity';
import { hashPassword, newApiToken, passwordStamp, verifyPassword } from './credentials';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto } from './dto/auth.dto';

function toSessionUser(person: Person): SessionUser {
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

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  /** Checks the password and returns the person with a signed session for the cookie. */
  async login(dto: LoginDto): Promise<{ user: SessionUser; session: string }> {
    const person = await this.withHash(this.dataSource.manager, { email: dto.email });
    // Same answer for an unknown email and a wrong password, so accounts cannot be probed.
    if (!person || !(await verifyPassword(person.passwordHash, dto.password))) {
      throw new UnauthorizedException('Email or password is wrong');
    }
    return { user: toSessionUser(person), session: await this.sessionFor(person) };
  }

  async me(actor: Actor): Promise<SessionUser> {
    const person = await this.dataSource.manager.findOneOrFail(Person, { where: { id: actor.id } });
    return toSessionUser(person);
  }

  /** Changes the password; the returned session replaces the old ones, which stop working. */
  changePassword(actor: Actor, dto: ChangePasswordDto): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.withHash(manager, { id: actor.id });
      if (!person || !(await verifyPassword(person.passwordHash, dto.currentPassword))) {
        throw new RequestValidationException([{ field: 'currentPassword', messages: ['currentPassword is not your current password'] }]);
      }
      person.passwordHash = await hashPassword(dto.newPassword);
      await manager.save(person);
      return this.sessionFor(person);
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

  private sessionFor(person: Person): Promise<string> {
    return this.jwt.signAsync({ sub: person.id, stamp: passwordStamp(person.passwordHash) });
  }
}
