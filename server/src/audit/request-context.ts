import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestDatabaseWork } from '../database/request-cancellation';

/** Per-request context, so the audit trail knows who made a write without threading it through every call. */
export interface RequestContext {
  actorId: string | null;
  /** The connections the request holds, so they can be cancelled when its client hangs up. */
  database?: RequestDatabaseWork;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Express middleware: every request gets its own (initially anonymous) context. */
export function requestContextMiddleware(_req: unknown, _res: unknown, next: () => void): void {
  requestContext.run({ actorId: null }, next);
}

export function currentActorId(): string | null {
  return requestContext.getStore()?.actorId ?? null;
}
