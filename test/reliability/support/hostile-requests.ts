import fc from 'fast-check';
import { weekAgo } from './portfolio';
import type { Operation, Parameter, Schema } from './openapi';
import { hostileAny, hostileNumber, hostileString, hostileStructure, HOSTILE_DATES, HOSTILE_KEYS, HOSTILE_STRINGS, HOSTILE_RAW_BODIES, HOSTILE_SEGMENTS, HOSTILE_UUIDS, HOSTILE_WEEKS, Obj, RealId, RecordVersion, Verbatim, type Gen } from './hostile-values';

/** One request before its placeholders are filled in. */
export interface HostileRequest {
  operation: Operation;
  path: Record<string, Gen>;
  /** Query pairs in order (a name may repeat); a Verbatim key or value goes into the URL unencoded. */
  query: [string | Verbatim, Gen][];
  body: { kind: 'none' } | { kind: 'json'; value: Gen } | { kind: 'raw'; text: string };
  contentType: string;
}

/** What the fuzzer knows about the database, to aim ids at real rows and guess the table a field refers to. */
export interface Knowledge {
  tables: Set<string>;
  /** Values of fields whose schema the document leaves untyped (e.g. settings' thresholds), read from GET answers. */
  examples: Map<string, unknown>;
}

type Kind = 'enum' | 'uuid' | 'email' | 'version' | 'date' | 'week' | 'password' | 'number' | 'boolean' | 'array' | 'object' | 'string' | 'untyped';

/** `value` one time in `every`, otherwise null (fc.option's `freq` is the other way round: null one time in freq). */
export const rarely = <T>(value: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> => fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });

const DATE_EXAMPLE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_EXAMPLE = /^\d{4}-W\d{2}$/;

export function kindOf(name: string, schema: Schema = {}): Kind {
  if (schema.enum) return 'enum';
  if (schema.format === 'uuid' || /Id$/.test(name)) return 'uuid';
  if (schema.format === 'email' || /email/i.test(name)) return 'email';
  if (/^(version|\w+Version)$/.test(name)) return 'version';
  if (/week/i.test(name) || (typeof schema.example === 'string' && WEEK_EXAMPLE.test(schema.example))) return 'week';
  if ((typeof schema.example === 'string' && DATE_EXAMPLE.test(schema.example)) || /Date$|^started(Before|After)$|EnteredAt$/.test(name)) return 'date';
  if (/password/i.test(name)) return 'password';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'object' && schema.properties) return 'object';
  if (schema.type === 'string') return 'string';
  return 'untyped';
}

const ALIASES: Record<string, string> = {
  updates: 'weekly_updates', update: 'weekly_updates', tokens: 'api_tokens', assessments: 'readiness_assessments', person: 'people',
  lead: 'people', sponsor: 'people', author: 'people', assessed_by: 'people', decided_by: 'people', actor: 'people', pivoted_from: 'pilots', supersedes: 'decisions',
};

/** The table a field or path parameter names: `pilotId` -> pilots, `id` after `/kpis/` -> kpis, `leadId` -> people. */
export function tableFor(name: string, knowledge: Knowledge, pathTable?: string): string | undefined {
  if (name === 'id' || name === 'into' || name === 'intoId') return pathTable;
  const stem = name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
  return [ALIASES[stem], stem, `${stem}s`].find((candidate) => candidate && knowledge.tables.has(candidate));
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** Mostly past days (start dates, stage clocks must not lie ahead), sometimes future ones (targets, reviews). */
const calendarDate = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true }).map(dayOf) },
  { weight: 1, arbitrary: fc.date({ min: new Date(), max: new Date('2030-12-31'), noInvalidDate: true }).map(dayOf) },
);

/** A value the operation would accept in form (it may still be refused for what it means). */
export function plausible(name: string, schema: Schema, knowledge: Knowledge, pathTable: string | undefined, depth: number): fc.Arbitrary<Gen> {
  switch (kindOf(name, schema)) {
    case 'enum':
      return fc.constantFrom(...(schema.enum as Gen[]));
    case 'uuid':
      return fc.nat().map((n) => new RealId(tableFor(name, knowledge, pathTable), n));
    case 'email':
      return fc.tuple(fc.nat(), fc.constantFrom('example.com', 'liftoff.example')).map(([n, host]) => `fuzz.${n}.${Date.now().toString(36)}@${host}`);
    case 'version':
      return fc.constantFrom(0, 0, 0, 0, -1, 1).map((offset) => new RecordVersion(offset));
    case 'date':
      return calendarDate;
    case 'week':
      return fc.integer({ min: 0, max: 160 }).map(weekAgo);
    case 'password':
      return fc.string({ minLength: 12, maxLength: 40 });
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 10_000;
      // Mostly whole numbers: the document says "number" for integer fields too.
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) }, { weight: 2, arbitrary: fc.constantFrom(min, max) }, { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(field('item', schema.items ?? {}, knowledge, pathTable, depth + 1), { maxLength: 3 });
    case 'object':
      return objectOf(schema, knowledge, pathTable, depth + 1);
    case 'string':
      return fc.string({ minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.min(schema.maxLength ?? 60, 60) });
    case 'untyped': {
      const example = knowledge.examples.get(name);
      if (example && typeof example === 'object' && !Array.isArray(example)) {
        // An object the document does not describe: its real keys (read from the API) with numbers near their values.
        const keys = Object.keys(example);
        return fc.subarray(keys).chain((picked) => fc.tuple(...picked.map((key) => numberNear((example as Record<string, unknown>)[key]))).map((values) => new Obj(picked.map((key, i) => [key, values[i]]))));
      }
      return fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 }), fc.string({ maxLength: 40 }));
    }
  }
}

function numberNear(value: unknown): fc.Arbitrary<Gen> {
  const base = typeof value === 'number' ? value : 1;
  return fc.oneof(fc.constant(base), fc.integer({ min: 0, max: Math.max(1, Math.ceil(base * 3)) }), hostileNumber);
}

/** A value this kind of field must refuse: wrong for its kind, or wrong in any way. */
export function hostileFor(name: string, schema: Schema, knowledge: Knowledge): fc.Arbitrary<Gen> {
  const kind = kindOf(name, schema);
  const specific: Record<Kind, () => fc.Arbitrary<Gen>> = {
    uuid: () => fc.oneof(fc.constantFrom(...HOSTILE_UUIDS), fc.nat().map((n) => new RealId(undefined, n)), fc.constantFrom(...knowledge.tables).chain((t) => fc.nat().map((n) => new RealId(t, n)))),
    date: () => fc.constantFrom(...HOSTILE_DATES),
    week: () => fc.constantFrom(...HOSTILE_WEEKS),
    number: () => hostileNumber,
    version: () => fc.oneof(hostileNumber, fc.constantFrom(-1, 0, 2 ** 31, 1e20).map((n) => n as Gen)),
    enum: () => fc.oneof(hostileString, fc.constantFrom(...(schema.enum as string[]).map((v) => (typeof v === 'string' ? v.toUpperCase() : v) as Gen))),
    email: () => fc.constantFrom('not-an-email', '@example.com', 'a@b', 'a@example.com\u0000', `${'x'.repeat(300)}@example.com`, 'A@EXAMPLE.COM ', 'a+b@example.com', '"quoted"@example.com'),
    string: () => hostileString,
    password: () => hostileString,
    untyped: () => hostileAny,
    boolean: () => fc.constantFrom<Gen>('true', 1, 0, 'yes', null),
    array: () => fc.oneof(hostileStructure, fc.array(hostileAny, { maxLength: 4 })),
    object: () => hostileStructure,
  };
  return fc.oneof({ weight: 3, arbitrary: specific[kind]() }, { weight: 1, arbitrary: hostileAny });
}

/** A field: usually plausible, sometimes hostile or null. */
function field(name: string, schema: Schema, knowledge: Knowledge, pathTable: string | undefined, depth: number): fc.Arbitrary<Gen> {
  return fc.oneof(
    { weight: 14, arbitrary: plausible(name, schema, knowledge, pathTable, depth) },
    { weight: 2, arbitrary: hostileFor(name, schema, knowledge) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** An object of the schema: required fields mostly present, optional ones sometimes, now and then a field it never defines. */
function objectOf(schema: Schema, knowledge: Knowledge, pathTable: string | undefined, depth: number): fc.Arbitrary<Gen> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const entries = props.map(([name, propSchema]) =>
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), field(name, propSchema, knowledge, pathTable, depth)).map(([roll, value]) => (roll < (required.has(name) ? 0.96 : 0.5) ? ([name, value] as [string, Gen]) : undefined)),
  );
  const extra = rarely(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })), hostileAny), 12);
  const shaped = fc.tuple(fc.tuple(...entries), extra).map(([present, stray]) => {
    const list = present.filter((e): e is [string, Gen] => e !== undefined);
    if (stray) list.push(stray as [string, Gen]);
    return new Obj(list);
  });
  return fc.oneof({ weight: 24, arbitrary: shaped }, { weight: 1, arbitrary: hostileStructure });
}

/** Every field of the schema with a value it would accept in form: what a legitimate client sends. */
export function plausibleBody(schema: Schema, knowledge: Knowledge, pathTable: string | undefined): fc.Arbitrary<Gen> {
  const props = Object.entries(schema.properties ?? {});
  return fc.tuple(...props.map(([name, propSchema]) => plausible(name, propSchema, knowledge, pathTable, 1))).map((values) => new Obj(props.map(([name], i) => [name, values[i]])));
}

export function pathValue(param: Parameter, knowledge: Knowledge, pathTable: string | undefined): fc.Arbitrary<Gen> {
  const table = tableFor(param.name, knowledge, pathTable);
  return fc.oneof(
    { weight: 16, arbitrary: fc.nat().map((n) => new RealId(table, n)) },
    { weight: 2, arbitrary: fc.nat().map((n) => new RealId(undefined, n)) },
    { weight: 2, arbitrary: fc.constantFrom<Gen>(...HOSTILE_UUIDS, ...HOSTILE_STRINGS.slice(0, 30)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((s) => new Verbatim(s)) },
  );
}

const RAW_QUERY_PIECES = ['%zz', '%E0%A4%A', '%00', '%', '+', '&&&', '==', 'a=1&a=2&a=3', '%FF', '%C0%80'];

function queryOf(params: Parameter[], knowledge: Knowledge, pathTable: string | undefined): fc.Arbitrary<[string | Verbatim, Gen][]> {
  const each = params.map((p) =>
    fc.oneof(
      { weight: 10, arbitrary: fc.constant<[string, Gen][]>([]) },
      { weight: 7, arbitrary: plausible(p.name, p.schema ?? {}, knowledge, pathTable, 0).map((v): [string, Gen][] => [[p.name, v]]) },
      { weight: 3, arbitrary: hostileFor(p.name, p.schema ?? {}, knowledge).map((v): [string, Gen][] => [[p.name, v]]) },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([a, b]): [string, Gen][] => [[p.name, a], [p.name, b]]) },
      { weight: 1, arbitrary: fc.constantFrom(`${p.name}[]`, `${p.name}[a]`, `${p.name}[__proto__]`, `${p.name}.x`).map((k): [string, Gen][] => [[k, '1']]) },
    ),
  );
  const extras = fc.oneof(
    { weight: 8, arbitrary: fc.constant<[string | Verbatim, Gen][]>([]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS, '__proto__[polluted]', 'constructor[prototype][polluted]'), hostileString).map(([k, v]): [string | Verbatim, Gen][] => [[k, v]]) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_PIECES).map((raw): [string | Verbatim, Gen][] => [[new Verbatim(raw), null]]) },
  );
  return fc.tuple(fc.tuple(...each), extras).chain(([parts, extra]) => fc.shuffledSubarray([...parts.flat(), ...extra], { minLength: parts.flat().length + extra.length }));
}

const CONTENT_TYPES = ['application/json; charset=utf-8', 'Application/JSON', 'application/json; charset=iso-8859-1', 'application/json;charset=utf-16', 'application/json; boundary=x'];

/** The table a path parameter names: `{pilotId}` -> pilots, `/kpis/{id}` -> kpis. */
export function pathParamTable(operation: Operation, name: string, knowledge: Knowledge): string | undefined {
  const segments = operation.path.split('/');
  return tableFor(name === 'id' ? segments[segments.indexOf(`{${name}}`) - 1] : name, knowledge);
}

/** Hostile requests for one operation: its own parameters and body schema, bent and broken. */
export function hostileRequests(operation: Operation, knowledge: Knowledge): fc.Arbitrary<HostileRequest> {
  const pathTable = (name: string) => pathParamTable(operation, name, knowledge);
  const mainTable = operation.pathParams.length ? pathTable(operation.pathParams[operation.pathParams.length - 1].name) : undefined;
  const path = fc.record(Object.fromEntries(operation.pathParams.map((p) => [p.name, pathValue(p, knowledge, pathTable(p.name))])) as Record<string, fc.Arbitrary<Gen>>);
  const query = queryOf(operation.queryParams, knowledge, mainTable);
  const noBody = fc.constant<HostileRequest['body']>({ kind: 'none' });
  const raw = fc.constantFrom(...HOSTILE_RAW_BODIES).map((text): HostileRequest['body'] => ({ kind: 'raw', text }));
  const json = (value: fc.Arbitrary<Gen>) => value.map((v): HostileRequest['body'] => ({ kind: 'json', value: v }));
  let body: fc.Arbitrary<HostileRequest['body']>;
  if (operation.method === 'GET') body = noBody;
  else if (operation.body) body = fc.oneof({ weight: 18, arbitrary: json(objectOf(operation.body, knowledge, mainTable, 0)) }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: noBody });
  else body = fc.oneof({ weight: 6, arbitrary: noBody }, { weight: 3, arbitrary: json(fc.oneof(hostileStructure, hostileAny)) }, { weight: 1, arbitrary: raw });
  const contentType = fc.oneof({ weight: 12, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) });
  return fc.record({ operation: fc.constant(operation), path, query, body, contentType });
}

/**
 * For each field of the body, requests with a legitimate body but that one field null, an object, or a value
 * hostile for its kind (a bad date for a date, another table's id for a reference): a sweep no random draw can miss.
 */
export function fieldByFieldRequests(operation: Operation, knowledge: Knowledge, seed: number): HostileRequest[] {
  if (!operation.body?.properties) return [];
  const pathTable = (name: string) => pathParamTable(operation, name, knowledge);
  const mainTable = operation.pathParams.length ? pathTable(operation.pathParams[operation.pathParams.length - 1].name) : undefined;
  const [valid] = fc.sample(plausibleBody(operation.body, knowledge, mainTable), { numRuns: 1, seed });
  const path = Object.fromEntries(operation.pathParams.map((p) => [p.name, new RealId(pathTable(p.name), seed)]));
  return Object.entries(operation.body.properties).flatMap(([field, schema], i) =>
    [null, new Obj([]), ...fc.sample(hostileFor(field, schema, knowledge), { numRuns: 2, seed: seed + i })].map((value): HostileRequest => ({
      operation,
      path,
      query: [],
      body: { kind: 'json', value: new Obj((valid as Obj).entries.map(([k, v]) => [k, k === field ? value : v instanceof RecordVersion ? new RecordVersion(0) : v])) },
      contentType: 'application/json',
    })),
  );
}
