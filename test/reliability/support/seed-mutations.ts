import fc from 'fast-check';
import { hostileFor, hostileRequests, kindOf, pathParamTable, pathValue, plausible, rarely, type HostileRequest, type Knowledge } from './hostile-requests';
import { HOSTILE_KEYS, HOSTILE_STRINGS, hostileAny, hostileStructure, Obj, RecordVersion, type Gen } from './hostile-values';
import type { Operation, Schema } from './openapi';
import { routeName } from './openapi';

/** A request the server accepted: its path parameters and its body. */
interface Seed {
  path: Record<string, string>;
  body: unknown;
}

const SEEDS_PER_ROUTE = 24;

/**
 * Requests the server accepted (while the portfolio was built, and hostile ones it took), per route. Mutating
 * one or two fields of an accepted body reaches the code behind validation, which a body drawn from the schema
 * alone rarely does (one wrong reference among twelve fields and it stops at the first check).
 */
export class SeedBank {
  private readonly seeds = new Map<string, Seed[]>();
  private readonly matchers: { op: Operation; pattern: RegExp; names: string[] }[];

  constructor(operations: Operation[]) {
    this.matchers = operations.map((op) => ({
      op,
      names: [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, '([^/?]+)')}(\\?|$)`),
    }));
  }

  record(method: string, url: string, body: string | undefined): void {
    const match = this.matchers.find((m) => m.op.method === method && m.pattern.test(url));
    if (!match) return;
    const values = match.pattern.exec(url)!.slice(1, 1 + match.names.length).map(decodeURIComponent);
    const list = this.seeds.get(routeName(match.op)) ?? [];
    let parsed: unknown;
    try {
      parsed = body === undefined ? undefined : JSON.parse(body);
    } catch {
      return;
    }
    // Keep the first ones (made by the portfolio builder) and the latest.
    if (list.length >= SEEDS_PER_ROUTE) list.splice(SEEDS_PER_ROUTE / 2, 1);
    list.push({ path: Object.fromEntries(match.names.map((n, i) => [n, values[i]])), body: parsed });
    this.seeds.set(routeName(match.op), list);
  }

  of(op: Operation): Seed[] {
    return this.seeds.get(routeName(op)) ?? [];
  }
}

/** Plain JSON as a generated value; a top-level version becomes "the record's current version". */
function toGen(value: unknown, top = true): Gen {
  if (Array.isArray(value)) return value.map((v) => toGen(v, false));
  if (value && typeof value === 'object') return new Obj(Object.entries(value).map(([k, v]) => [k, top && k === 'version' ? new RecordVersion(0) : toGen(v, false)]));
  return value as Gen;
}

type Step = string | number;

/** Every place in the body a mutation can hit, down to three levels. */
function placesIn(value: Gen, prefix: Step[] = []): Step[][] {
  if (prefix.length >= 3) return [];
  const children: [Step, Gen][] = value instanceof Obj ? value.entries : Array.isArray(value) ? value.map((v, i) => [i, v]) : [];
  return children.flatMap(([step, child]) => [[...prefix, step], ...placesIn(child, [...prefix, step])]);
}

function schemaAt(schema: Schema | undefined, place: Step[]): Schema {
  let current = schema;
  for (const step of place) current = typeof step === 'number' ? current?.items : current?.properties?.[step];
  return current ?? {};
}

/** A copy of `value` with the place replaced (or removed when `replacement` is undefined). */
function replaceAt(value: Gen, place: Step[], replacement: Gen | undefined): Gen {
  const [step, ...rest] = place;
  if (value instanceof Obj) {
    const entries = value.entries.flatMap(([k, v]): [string, Gen][] => (k !== step ? [[k, v]] : rest.length ? [[k, replaceAt(v, rest, replacement)]] : replacement === undefined ? [] : [[k, replacement]]));
    return new Obj(entries);
  }
  if (Array.isArray(value) && typeof step === 'number') {
    const copy = [...value];
    if (rest.length) copy[step] = replaceAt(copy[step], rest, replacement);
    else if (replacement === undefined) copy.splice(step, 1);
    else copy[step] = replacement;
    return copy;
  }
  return value;
}

/** One or two fields of an accepted request bent: hostile for their kind, null, removed or of another shape; or a stray key. */
export function seedMutations(operation: Operation, seeds: Seed[], knowledge: Knowledge): fc.Arbitrary<HostileRequest> {
  if (seeds.length === 0) return hostileRequests(operation, knowledge);
  const pathTable = (name: string) => pathParamTable(operation, name, knowledge);
  const mainTable = operation.pathParams.length ? pathTable(operation.pathParams[operation.pathParams.length - 1].name) : undefined;
  return fc.constantFrom(...seeds).chain((seed) => redrawn(toGen(seed.body), operation, knowledge, mainTable).chain((body) => {
    const places = placesIn(body);
    const mutation = (current: Gen): fc.Arbitrary<Gen> => {
      if (places.length === 0) return fc.oneof(fc.constant(current), hostileStructure);
      return fc.constantFrom(...places).chain((place) => {
        const name = String([...place].reverse().find((s) => typeof s === 'string') ?? 'item');
        return fc
          .oneof(
            { weight: 5, arbitrary: oddButValid(name, schemaAt(operation.body, place), knowledge, mainTable) },
            { weight: 4, arbitrary: hostileFor(name, schemaAt(operation.body, place), knowledge) },
            { weight: 1, arbitrary: fc.constant<Gen | undefined>(null) },
            { weight: 1, arbitrary: fc.constant<Gen | undefined>(undefined) },
            { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileAny).map(([key, v]) => new Obj([[key, v]]) as Gen) },
          )
          .map((replacement) => replaceAt(current, place, replacement));
      });
    };
    // Mostly one field: a value that is odd but may well be valid (long unicode text, a boundary number) then
    // reaches the database; two bent fields or a stray key are refused by the validation.
    const mutated = fc.oneof({ weight: 6, arbitrary: mutation(body) }, { weight: 1, arbitrary: mutation(body).chain(mutation) }, { weight: 1, arbitrary: fc.constant(body) });
    const withStray = fc.tuple(mutated, rarely(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileAny), 20)).map(([b, stray]) =>
      stray && b instanceof Obj ? new Obj([...b.entries, stray as [string, Gen]]) : b,
    );
    const path = fc.record(
      Object.fromEntries(
        operation.pathParams.map((p) => [p.name, fc.oneof({ weight: 8, arbitrary: fc.constant<Gen>(seed.path[p.name]) }, { weight: 1, arbitrary: pathValue(p, knowledge, pathTable(p.name)) })]),
      ) as Record<string, fc.Arbitrary<Gen>>,
    );
    return fc.record({
      operation: fc.constant(operation),
      path,
      query: fc.constant([]),
      body: seed.body === undefined ? fc.constant<HostileRequest['body']>({ kind: 'none' }) : withStray.map((value): HostileRequest['body'] => ({ kind: 'json', value })),
      contentType: fc.constant('application/json'),
    });
  }));
}

/**
 * Weeks, emails and names drawn afresh (a replayed body would repeat them and stop at the duplicate check, never
 * reaching the code after it), now and then another field too.
 */
function redrawn(body: Gen, operation: Operation, knowledge: Knowledge, mainTable: string | undefined): fc.Arbitrary<Gen> {
  if (!(body instanceof Obj)) return fc.constant(body);
  const properties = operation.body?.properties ?? {};
  const redraw = (key: string, value: Gen): fc.Arbitrary<Gen> => {
    if (!(key in properties) || value instanceof RecordVersion) return fc.constant(value);
    const fresh = plausible(key, properties[key], knowledge, mainTable, 1);
    const unique = ['week', 'email'].includes(kindOf(key, properties[key])) || key === 'name';
    return unique ? fresh : fc.oneof({ weight: 6, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fresh });
  };
  return fc.tuple(...body.entries.map(([key, value]) => redraw(key, value))).map((values) => new Obj(body.entries.map(([key], i) => [key, values[i]])));
}

/** Text the validators should take (no NUL, no lone surrogate, within the length): SQL, markup, emoji, control characters. */
const odd = (maxLength: number) => HOSTILE_STRINGS.filter((t) => t.length > 0 && t.length <= maxLength && !t.includes('\u0000') && !/[\uD800-\uDFFF]/.test(t.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

/**
 * A value at the edge of what the field allows: the text limits, odd but legal text, boundary numbers, the
 * first and last dates, another member of the enum. Such a body should be accepted and stored, which sends the
 * odd value through the whole write and the re-analysis after it.
 */
function oddButValid(name: string, schema: Schema, knowledge: Knowledge, mainTable: string | undefined): fc.Arbitrary<Gen> {
  switch (kindOf(name, schema)) {
    case 'string':
    case 'password': {
      const max = schema.maxLength ?? 200;
      return fc.oneof(fc.constantFrom(...odd(max)), fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }), fc.constant('é'.repeat(max)), fc.constant(' padded '));
    }
    case 'number': {
      const min = schema.minimum ?? 0;
      const candidates = [min, min + 1, schema.maximum ?? 999_999_999_999, schema.maximum ?? 1_000_000, 0.5, 12.34].filter((n) => n >= min && (schema.maximum === undefined || n <= schema.maximum));
      return fc.constantFrom(...candidates);
    }
    case 'date':
      return fc.constantFrom('2000-01-01', '2100-12-31', '2024-02-29', new Date().toISOString().slice(0, 10));
    case 'week':
      return fc.constantFrom('2020-W53', '2015-W53', '2000-W01');
    default:
      return plausible(name, schema, knowledge, mainTable, 1);
  }
}
