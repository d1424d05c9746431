import type { OpenApi } from '@liftoff/shared';
import { apiRequest, type QueryParams } from './http';

/**
 * Calls typed by the OpenAPI document (shared/src/api-types.gen.ts, generated from the server): the path,
 * its parameters, the body and the answer all come from the document, so a route the server changes
 * fails `tsc` here instead of at run time. Runs through `apiRequest`, so errors, 401 handling and the
 * session cookie are the same as everywhere else in the dashboard.
 */
type Paths = OpenApi.paths;
type Method = 'get' | 'post' | 'patch' | 'delete';

/** The document's paths that have an operation for `M`. */
export type RouteOf<M extends Method> = { [P in keyof Paths]: Paths[P][M] extends { responses: unknown } ? P : never }[keyof Paths];
type Operation<M extends Method, P extends RouteOf<M>> = Paths[P][M] & { parameters: unknown; responses: unknown };

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
/** The body of the operation's success answer (200, 201, or nothing for 204). */
export type ResultOf<M extends Method, P extends RouteOf<M>> =
  Operation<M, P>['responses'] extends infer R ? (R extends Record<200, unknown> ? Json<R[200]> : R extends Record<201, unknown> ? Json<R[201]> : undefined) : never;

type PathParams<Op> = Op extends { parameters: { path: infer A } } ? A : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? Q : never;
type BodyOf<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

type Options<Op> = ([PathParams<Op>] extends [never] ? { path?: never } : { path: PathParams<Op> }) &
  ([QueryOf<Op>] extends [never | undefined] ? { query?: never } : { query?: QueryOf<Op> }) &
  ([BodyOf<Op>] extends [never] ? { body?: never } : { body: BodyOf<Op> }) & { signal?: AbortSignal };

const API_PREFIX = '/api';

/** `/api/business-units/{id}` with `{ id }` -> `/business-units/<id>` (apiRequest adds the base). */
export function fillPath(route: string, path: Record<string, string | number> = {}): string {
  const filled = route.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (path[name] === undefined) throw new Error(`Missing path parameter ${name} for ${route}`);
    return encodeURIComponent(String(path[name]));
  });
  return filled.startsWith(`${API_PREFIX}/`) ? filled.slice(API_PREFIX.length) : filled;
}

function call<M extends Method, P extends RouteOf<M>>(method: M, route: P, options: Options<Operation<M, P>>): Promise<ResultOf<M, P>> {
  const { path, query, body, signal } = options as { path?: Record<string, string>; query?: QueryParams; body?: unknown; signal?: AbortSignal };
  return apiRequest<ResultOf<M, P>>(fillPath(route, path), { method: method.toUpperCase() as 'GET', query, body, signal });
}

export const typedApi = {
  get: <P extends RouteOf<'get'>>(route: P, options: Options<Operation<'get', P>>) => call('get', route, options),
  post: <P extends RouteOf<'post'>>(route: P, options: Options<Operation<'post', P>>) => call('post', route, options),
  patch: <P extends RouteOf<'patch'>>(route: P, options: Options<Operation<'patch', P>>) => call('patch', route, options),
  delete: <P extends RouteOf<'delete'>>(route: P, options: Options<Operation<'delete', P>>) => call('delete', route, options),
};
