export * from './enums';
export * from './iso-week';
export * from './api';
export * from './api-pilots';
export * from './stages';
export * from './pilot-access';
export * from './kpi-rules';
export * from './analysis';
export * from './api-analysis';
export * from './api-auth';
export * from './api-decisions';
export * from './api-portfolio';
export * from './api-blockers';
export * from './webhook-events';
export * from './api-schemas';
// The OpenAPI document's types (openapi-typescript; `npm run openapi:generate`), for typed clients such as openapi-fetch.
export type * as OpenApi from './api-types.gen';
export * from './sso';
