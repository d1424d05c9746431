import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Role } from '@liftoff/shared';
import { requestContext } from '../audit/request-context';
import { ALLOWED_ROLES, IS_PUBLIC } from './access.decorators';
import type { Actor, RequestWithActor } from './actor';
import { hashToken, SESSION_COOKIE } from './credentials';
import { SessionsService } from './sessions.service';

/**
 * Deny by default: a route is reachable only if it is @Public() or declares the roles it allows, and
 * the caller proves who they are with the session cookie or an API token (Authorization: Bearer).
 * Both are looked up on every request, so a logout, a revoked token or a deactivation counts at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
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
    if (!cookie) return null;
    const owner = await this.sessions.identify(cookie);
    return owner ? { ...owner.person, via: 'session', sessionId: owner.sessionId } : null;
  }

  private async fromToken(token: string): Promise<Actor | null> {
    const [row]: { token_id: string; id: string; name: string; email: string; role: Role; business_unit_id: string | null }[] = await this.dataSource.query(
      `SELECT t.id AS token_id, p.id, p.name, p.email, p.role, p.business_unit_id
         FROM api_tokens t JOIN people p ON p.id = t.person_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND p.deactivated_at IS NULL`,
      [hashToken(token)],
    );
    if (!row) return null;
    await this.dataSource.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.token_id]);
    return { id: row.id, name: row.name, email: row.email, role: row.role, businessUnitId: row.business_unit_id, via: 'token' };
  }
}
