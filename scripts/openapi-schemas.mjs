// Turns the shared `ApiSchemas` interface (shared/src/api-schemas.ts) into OpenAPI 3.0 schemas for the
// server's document: server/src/openapi/api-schemas.gen.json. Run by `npm run openapi:schemas`; the file
// is committed, and `npm run openapi:check` fails when it no longer matches the shared types.
import { createGenerator } from 'ts-json-schema-generator';
import { writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? resolve(root, 'server/src/openapi/api-schemas.gen.json');

const generated = createGenerator({
  path: resolve(root, 'shared/src/api-schemas.ts'),
  tsconfig: resolve(root, 'shared/tsconfig.json'),
  type: 'ApiSchemas',
  expose: 'export',
  topRef: false,
  skipTypeCheck: true,
  sortProps: true,
}).createSchema('ApiSchemas');

/** JSON Schema names such as `Page<Pilot>` or `WebhookEnvelope<"update.posted",…>` are not valid component names. */
const componentName = (name) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');
const REF = '#/definitions/';


/** JSON Schema (draft 7) to the OpenAPI 3.0 dialect: `nullable` instead of a null type, `enum` for `const`. */
function toOpenApi30(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (!schema || typeof schema !== 'object') return schema;
  const result = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') result.$ref = `#/components/schemas/${componentName(decodeURIComponent(value.slice(REF.length)))}`;
    else if (key === 'const') result.enum = [value];
    else if (key === 'additionalProperties' && value === false) continue; // Responses may gain fields; clients must not break on them.
    else if (key === 'properties') result.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toOpenApi30(s)]));
    else result[key] = toOpenApi30(value);
  }
  // OpenAPI 3.0 ignores anything beside a $ref (and linters flag it).
  if (result.$ref) return { $ref: result.$ref };
  if (Array.isArray(result.type)) {
    const types = result.type.filter((t) => t !== 'null');
    if (types.length < result.type.length) result.nullable = true;
    if (types.length === 1) result.type = types[0];
    else {
      delete result.type;
      result.anyOf = types.map((type) => ({ type }));
    }
    if (result.enum) result.enum = result.enum.filter((v) => v !== null).concat(result.nullable ? [null] : []);
  }
  for (const combiner of ['anyOf', 'oneOf']) {
    const options = result[combiner];
    if (!options) continue;
    const withoutNull = options.filter((o) => o.type !== 'null' || Object.keys(o).length > 1);
    if (withoutNull.length === options.length) continue;
    if (withoutNull.some((o) => o.$ref)) {
      // `X | null` of a named type: 3.0 allows no `nullable` beside a $ref, and a `nullable` wrapper around it
      // would still demand that null match X. `{ enum: [null] }` says "or null" to validators and generators alike.
      result[combiner] = [...withoutNull, { enum: [null] }];
    } else if (withoutNull.length > 1) Object.assign(result, { [combiner]: withoutNull, nullable: true });
    else {
      delete result[combiner];
      Object.assign(result, withoutNull[0], { nullable: true });
    }
  }
  return result;
}

const definitions = generated.definitions ?? {};
const api = generated.properties ?? {};
const schemas = {};
for (const [name, schema] of Object.entries(definitions)) schemas[componentName(name)] = toOpenApi30(schema);
// Each ApiSchemas member under its own name: a reference to the type when it has its own definition.
for (const [name, schema] of Object.entries(api)) {
  const converted = toOpenApi30(schema);
  if (converted.$ref && converted.$ref === `#/components/schemas/${name}`) continue;
  schemas[name] = converted;
}
const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} schemas written to ${out}`);
