import type { OpenAPIObject } from '@nestjs/swagger';

type Responses = NonNullable<OpenAPIObject['components']>['responses'];

const errorBody = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

/** The error answers every route shares, each with the API's one error shape (`ApiErrorBody`). */
export const ERROR_RESPONSES = {
  BadRequest: errorBody('A parameter or the body is invalid; `fieldErrors` names each field and what is wrong with it.'),
  Unauthorized: errorBody('No valid session cookie or API token (or the person was deactivated).'),
  Forbidden: errorBody("The caller's role may not do this, or a browser write came from another site."),
  NotFound: errorBody('A record the path names does not exist.'),
  Conflict: errorBody(
    'The write clashes with the stored data: a stale `version` (`staleEdit` says who changed the record and when), a duplicate unique value, or a record still in use.',
  ),
  PayloadTooLarge: errorBody('The request body is larger than the server accepts (BODY_LIMIT_BYTES).'),
  UnsupportedMediaType: errorBody('A request body that is not `application/json`.'),
  TooManyRequests: errorBody('Too many password or link attempts from this address; wait and try again.'),
  ServiceUnavailable: errorBody('The database is unreachable or too slow at the moment; the `Retry-After` header says when to try again.'),
} satisfies Responses;

export type ErrorResponseName = keyof typeof ERROR_RESPONSES;

export const ERROR_STATUS: Record<ErrorResponseName, string> = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  TooManyRequests: '429',
  ServiceUnavailable: '503',
};

export interface OperationTraits {
  method: string;
  isPublic: boolean;
  hasPathParams: boolean;
  hasQueryParams: boolean;
  hasBody: boolean;
  rateLimited: boolean;
}

/** Which shared error answers an operation can give, from what the guards, pipes and filter do to it. */
export function errorResponsesFor(op: OperationTraits): ErrorResponseName[] {
  const write = op.method !== 'get';
  const names: ErrorResponseName[] = [];
  // Path ids are checked as UUIDs, queries and bodies by class-validator.
  if (op.hasPathParams || op.hasQueryParams || op.hasBody) names.push('BadRequest');
  if (!op.isPublic) names.push('Unauthorized');
  // The role check, and for writes the cross-origin (CSRF) check, which applies to public writes too.
  if (!op.isPublic || write) names.push('Forbidden');
  if (op.hasPathParams) names.push('NotFound');
  if (write && !op.isPublic) names.push('Conflict');
  if (write) names.push('PayloadTooLarge', 'UnsupportedMediaType');
  if (op.rateLimited) names.push('TooManyRequests');
  names.push('ServiceUnavailable');
  return names;
}
