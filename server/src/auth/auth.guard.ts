import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Role } from '@liftoff/shared';
import { Person } from '../people/person.entity';
import { requestContext } from '../audit/request-context';
import { ALLOWED_ROLES, IS_PUBLIC } from './access.decorators';
import type { Actor, RequestWithActor } from './actor';
import { hashToken, passwordStamp, SESSION_COOKIE } from './credentials';

interface SessionClaims {
  sub: string;
  stamp: string;
}

/**
 * Deny by default: a route is reachable only if it is @Public() or declares the roles it allows, and
 * the caller proves who they are with the session cookie or an API token (Authorization: Bearer).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const actor = await this.identify(request);
    if (!actor) throw new UnauthorizedException('Sign in first (session cookie or Authorization: Bearer token)');
    request.actor = actor;
    const store = requestContext.getStore();
    if (store) store.actorId = actor.id;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed) throw new ForbiddenException('This endpoint declares no access rule, so it is closed to everyone');
    if (!allowed.includes(actor.role)) {
      throw new ForbiddenException(`Your role (${actor.role}) cannot do this; it needs the role ${allowed.join(' or ')}`);
    }
    return true;
  }

  private async identify(request: Request): Promise<Actor | null> {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.fromToken(header.slice(7).trim());
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return cookie ? this.fromSession(cookie) : null;
  }

  private async fromToken(token: string): Promise<Actor | null> {
    const [row]: { id: string; person_id: string }[] = await this.dataSource.query(
      'SELECT id, person_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [hashToken(token)],
    );
    if (!row) return null;
    await this.dataSource.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
    const person = await this.dataSource.manager.findOne(Person, { where: { id: row.person_id } });
    return person ? toActor(person, 'token') : null;
  }

  private async fromSession(cookie: string): Promise<Actor | null> {
    let claims: SessionClaims;
    try {
      claims = await this.jwt.verifyAsync<SessionClaims>(cookie);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string') return null;
    const person = await this.dataSource.manager
      .createQueryBuilder(Person, 'person')
      .addSelect('person.passwordHash')
      .where('person.id = :id', { id: claims.sub })
      .getOne();
    if (!person || passwordStamp(person.passwordHash) !== claims.stamp) return null;
    return toActor(person, 'session');
  }
}

function toActor(person: Person, via: Actor['via']): Actor {
  return { id: person.id, name: person.name, email: person.email, role: person.role, via };
}
