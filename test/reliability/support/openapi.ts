/** The routes the server documents, read from its own OpenAPI document, so a route added later is attacked too. */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  description?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const WRITE_METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface Operation {
  method: Method;
  /** As documented: `/api/pilots/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema with every `$ref` resolved; undefined when the operation takes no body. */
  body?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export const routeName = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

/** Replaces every `$ref` by the schema it names (a cycle stops at an untyped schema). */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined, seen: string[] = []): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return {};
    return resolveSchema(doc, doc.components?.schemas?.[name], [...seen, name]);
  }
  const resolved: Schema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolveSchema(doc, value, seen) ?? {}]));
  }
  if (schema.items) resolved.items = resolveSchema(doc, schema.items, seen);
  return resolved;
}

/** Every documented operation under /api, except the document itself. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const [method, spec] of Object.entries(methods)) {
      const upper = method.toUpperCase() as Method;
      if (!['GET', ...WRITE_METHODS].includes(upper)) continue;
      const parameters = spec.parameters ?? [];
      operations.push({
        method: upper,
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ ...p, schema: resolveSchema(doc, p.schema) })),
        body: resolveSchema(doc, spec.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
  return operations;
}

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(`${baseUrl}/api/docs/json`);
  if (!res.ok) throw new Error(`GET /api/docs/json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

/** The routes the fuzzer and the CSRF suite attack: every write, and every read that lists (takes query parameters). */
export const isWrite = (op: Operation) => WRITE_METHODS.includes(op.method);
export const isList = (op: Operation) => op.method === 'GET' && op.queryParams.length > 0;

/**
 * Counted straight from the document's text, independently of `operationsOf`, so a bug in the discovery
 * cannot shrink the attacked routes unnoticed: [write operations, GET operations with a query parameter].
 */
export function documentedCounts(doc: OpenApiDocument): { writes: number; lists: number } {
  let writes = 0;
  let lists = 0;
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, spec] of Object.entries(methods)) {
      if (/^(post|put|patch|delete)$/i.test(method)) writes++;
      if (/^get$/i.test(method) && (spec.parameters ?? []).some((p) => p.in === 'query')) lists++;
    }
  }
  return { writes, lists };
}
