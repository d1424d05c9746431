import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@liftoff/shared';

export const IS_PUBLIC = 'liftoff:isPublic';
export const ALLOWED_ROLES = 'liftoff:allowedRoles';

/** Reachable without signing in (health, sign-in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles that may call this route; routes that declare nothing are denied to everyone. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Any signed-in person: reading the portfolio is open to every role. */
export const AnyRole = () => Allow(...ROLES);

/** Program office only: managing the portfolio's structure. */
export const ProgramOffice = () => Allow('program_office');
