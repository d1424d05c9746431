import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';
import type { Role } from '@liftoff/shared';

/** Who is making the request, as the auth guard established it. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Read with the session or token on every request, so `GET /api/auth/me` needs no query of its own. */
  businessUnitId: string | null;
  /** How they proved it. */
  via: 'session' | 'token';
  /** The session record, when signed in with the cookie. */
  sessionId?: string;
}

export interface RequestWithActor {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new ForbiddenException('This action needs a signed-in person');
  return actor;
});

/** A resource rule failed: say which right is missing. */
export function deny(message: string): never {
  throw new ForbiddenException(message);
}
