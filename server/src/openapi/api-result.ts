import { SetMetadata } from '@nestjs/common';
import type { ApiSchemaName } from '@liftoff/shared';

export const API_RESULT = 'liftoff:apiResult';

/** A schema of the shared contract, or a list of them (`'Kpi[]'`). */
export type ApiResultName = ApiSchemaName | `${ApiSchemaName}[]`;

/**
 * What a route answers on success, named from the shared contract (`shared/src/api-schemas.ts`).
 * The document step (`completeDocument`) puts that schema on the operation's 2xx response; the
 * response types are TypeScript interfaces, which Nest's reflection cannot see.
 */
export const ApiResult = (name: ApiResultName) => SetMetadata(API_RESULT, name);
