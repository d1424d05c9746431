import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ALLOWED_ROLES, IS_PUBLIC } from '../auth/access.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import { API_RESULT, type ApiResultName } from './api-result';
import apiSchemas from './api-schemas.gen.json';
import { ERROR_RESPONSES, ERROR_STATUS, errorResponsesFor } from './error-responses';
import { webhooksDocument } from './webhooks';

type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type ParameterObject = { in: string };
type ResponseObject = { description: string; content?: object };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Both ways of proving who you are; either one is enough (the guard tries the bearer token first). */
const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { token: [] }];

/** Operation ids are made as `<ControllerClass>.<method>` and mapped back to the handler, then renamed. */
const handlerKey = (controllerKey: string, methodKey: string) => `${controllerKey}.${methodKey}`;

/** `PilotsController.list` -> `pilots_list`, `BusinessUnitsController.create` -> `businessUnits_create`. */
const publicOperationId = (controllerKey: string, methodKey: string) =>
  `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`;

function controllersByName(app: INestApplication): Map<string, Type> {
  const controllers = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) controllers.set(wrapper.name as string, wrapper.metatype as Type);
  }
  return controllers;
}

/** The API's OpenAPI document, as served at /api/docs and written by `npm run openapi:write`. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Liftoff API')
      .setDescription(
        'Track AI pilots, see which are stuck and why, and decide: scale, pivot, kill or keep piloting.\n\n' +
          'Sign in with `POST /api/auth/login` (a session cookie) or send an API token made with `POST /api/auth/tokens` ' +
          'as `Authorization: Bearer <token>`. Writes take `application/json` only. Every error has the `ApiError` shape.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'This server')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/auth/login.' }, 'session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token from POST /api/auth/tokens.' }, 'token')
      .build(),
    { operationIdFactory: handlerKey },
  );
  return completeDocument(document, controllersByName(app));
}

/**
 * What the decorators cannot say by themselves, derived for every route so a new one gets it too:
 * security from `@Public()`, the shared error answers, the success schema named by `@ApiResult`, and
 * readable operation ids. A route without `@ApiOperation({ summary })` stops the document (and the app)
 * with its name: the summary is what integrators and generated clients see.
 */
export function completeDocument(document: OpenAPIObject, controllers: Map<string, Type>): OpenAPIObject {
  const missingSummary: string[] = [];
  for (const [path, item] of Object.entries(document.paths) as [string, PathItemObject][]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const [controllerKey, methodKey] = (operation.operationId ?? '').split('.');
      const controller = controllers.get(controllerKey);
      const handler = controller?.prototype[methodKey] as object | undefined;
      if (!controller || !handler) throw new Error(`OpenAPI: no handler found for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      const metadata = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      if (!operation.summary?.trim()) missingSummary.push(`${method.toUpperCase()} ${path} (${controllerKey}.${methodKey})`);
      operation.operationId = publicOperationId(controllerKey, methodKey);
      const isPublic = metadata<boolean>(IS_PUBLIC) === true;
      operation.security = isPublic ? [] : SIGNED_IN;
      const roles = metadata<string[]>(ALLOWED_ROLES);
      if (!isPublic && roles) operation.description = [operation.description, `Roles: ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
      describeSuccess(operation, metadata<ApiResultName>(API_RESULT));
      addErrorResponses(operation, method, isPublic, Reflect.getMetadataKeys(handler).some((key) => String(key).startsWith('THROTTLER:LIMIT')));
    }
  }
  if (missingSummary.length > 0) {
    throw new Error(`OpenAPI: every route needs @ApiOperation({ summary: '…' }); missing on:\n  ${missingSummary.join('\n  ')}`);
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(apiSchemas as Record<string, object>) },
    responses: { ...document.components?.responses, ...ERROR_RESPONSES },
  };
  Object.assign(document, webhooksDocument());
  return document;
}

function describeSuccess(operation: OperationObject, result: ApiResultName | undefined): void {
  const [status, response] = Object.entries(operation.responses).find(([code]) => code.startsWith('2')) ?? [];
  if (!status || !response || '$ref' in (response as object)) return;
  const success = response as ResponseObject;
  if (!success.description) success.description = status === '204' ? 'Done; no content.' : status === '201' ? 'Created.' : 'OK.';
  if (!result || success.content) return;
  const name = result.replace(/\[\]$/, '');
  const ref = { $ref: `#/components/schemas/${name}` };
  success.content = { 'application/json': { schema: result.endsWith('[]') ? { type: 'array', items: ref } : ref } };
}

function addErrorResponses(operation: OperationObject, method: string, isPublic: boolean, rateLimited: boolean): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const names = errorResponsesFor({
    method,
    isPublic,
    rateLimited,
    hasPathParams: parameters.some((p) => p.in === 'path'),
    hasQueryParams: parameters.some((p) => p.in === 'query'),
    hasBody: operation.requestBody !== undefined,
  });
  for (const name of names) {
    const status = ERROR_STATUS[name];
    operation.responses[status] ??= { $ref: `#/components/responses/${name}` };
  }
}
