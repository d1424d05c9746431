import fc from 'fast-check';

/**
 * A generated JSON value. Besides plain JSON it holds placeholders the fuzzer fills in when it sends the
 * request (real ids and versions change as accepted writes land) and pieces written verbatim.
 */
export type Gen = null | boolean | number | string | Gen[] | Obj | RealId | RecordVersion | Verbatim;

/** An object as a list of entries, so keys like `__proto__` and duplicate keys survive into the JSON text. */
export class Obj {
  constructor(readonly entries: [string, Gen][]) {}
}
/** The id of a real row of `table` (any table when undefined), the `pick`-th of those present when sent. */
export class RealId {
  constructor(
    readonly table: string | undefined,
    readonly pick: number,
  ) {}
}
/** The current version of the record the path names, plus `offset` (0: current, -1: stale, 1: from the future). */
export class RecordVersion {
  constructor(readonly offset: number) {}
}
/** Text written into the JSON (or the URL) exactly as is: `1e999`, `%zz`. */
export class Verbatim {
  constructor(readonly text: string) {}
}

const obj = (entries: [string, Gen][]) => new Obj(entries);
const nest = (depth: number, leaf: Gen = 1): Gen => (depth === 0 ? leaf : obj([['a', nest(depth - 1, leaf)]]));
const nestArrays = (depth: number): Gen => (depth === 0 ? [] : [nestArrays(depth - 1)]);

/** Text that breaks naive code: control characters, odd unicode, number-like words, SQL and template syntax. */
export const HOSTILE_STRINGS: string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\u0001\u0002\u001b[31m\u001f\u007f', '\r\n\t\v\f', '\u2028\u2029', '\ufeff', '\u200b\u200d',
  '\ud800', '\udfff', 'a\ud83d', '😀'.repeat(40), 'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334', '\u202eevil.exe', 'ｆｕｌｌｗｉｄｔｈ', '١٢٣',
  'NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x1F', '1_000', ' 42 ', '1,5', '9'.repeat(40), 'null', 'undefined', 'true', 'false', '[]', '{}',
  "'; DROP TABLE pilots; --", "' OR '1'='1", '" OR ""="', '1; SELECT pg_sleep(5)--', '$1', '%', '_', '\\', '\\x00', "E'\\\\000'", '%s%s%s%n',
  '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '../../../etc/passwd', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
];

export const HOSTILE_NUMBERS: number[] = [
  -1, -0.5, -0, 0, 0.5, 1.5, 3.000001, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e15, 1e21, 1e100, 1e308, -1e308,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300,
];

/** Number literals JSON.parse turns into Infinity, -0 or a rounded giant. */
export const HOSTILE_NUMBER_LITERALS = ['1e999', '-1e999', '1e-999', '-0', '123456789012345678901234567890', '1E400', '0.0000000000000000000000001'];

export const HOSTILE_DATES = [
  '0000-01-01', '9999-12-31', '2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-1', '24-01-01', '2024/01/01', '20240101',
  '2024-01-01T00:00:00Z', '2024-01-01T25:61:00', '+275760-09-13', '-000001-01-01', '1970-01-01', '1999-12-31', '2101-01-01', '0001-01-01', 'today',
];

export const HOSTILE_WEEKS = [
  '2026-W00', '2026-W54', '2025-W53', '2021-W53', '2026W01', '2026-w01', '2026-W1', '2026-W001', '0000-W01', '9999-W52', '1999-W52', '2101-W01',
  '-2026-W01', '2026-W01-1', '2026-W01 ', '2026-Q1', '2026-01',
];

export const HOSTILE_UUIDS = [
  'not-a-uuid', '00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{6ba7b810-9dad-11d1-80b4-00c04fd430c8}', '6BA7B810-9DAD-41D1-80B4-00C04FD430C8', '6ba7b8109dad41d180b400c04fd430c8', '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  ' 6ba7b810-9dad-41d1-80b4-00c04fd430c8', '6ba7b810-9dad-41d1-80b4-00c04fd430c8-0', '1', '-1', "' OR 1=1 --",
];

/** Path segments written verbatim into the URL: bad percent-encoding, traversal, encoded NUL. */
export const HOSTILE_SEGMENTS = ['%zz', '%E0%A4%A', '%00', '%2e%2e', '..%2F..%2Fhealth', '%C0%AE', '%FF%FE', 'a%20b', '%25', '.', '..'];

/** Whole bodies that are not the object an operation expects. */
export const HOSTILE_STRUCTURES: Gen[] = [
  null, true, 0, -1, '', 'a string', [], [null], [obj([])], obj([]), obj([['', '']]), nestArrays(20), nestArrays(40), nest(20), nest(40), nest(1000),
  obj([['__proto__', obj([['polluted', true], ['role', 'program_office'], ['isAdmin', true]])]]),
  obj([['constructor', obj([['prototype', obj([['polluted', true]])]])]]),
  obj([['prototype', obj([['polluted', true]])]]),
  Array.from({ length: 5000 }, (_, i) => i),
  obj(Array.from({ length: 2000 }, (_, i): [string, Gen] => [`k${i}`, i])),
];

/** Raw body texts, sent with a JSON content type. */
export const HOSTILE_RAW_BODIES = [
  '', '{', '{"a":', '}', 'null', '[]', '"x"', '1e999', 'true', '\ufeff{}', '{"a":1,"a":2}', '{}garbage', '\u0000', '{"\u0000":1}', "{'a':1}", '{a:1}',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '[' .repeat(5000) + ']'.repeat(5000), '{"a":' + '1'.repeat(5000) + '}',
  '{"a":"\\ud800"}', '{"a":"\\u0000"}', '\xff\xfe{\x00}\x00',
];

/** Keys a body never defines: prototype pollution, server-owned fields, oddities. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'createdAt', 'updatedAt', 'deletedAt', 'version', 'role', 'isAdmin', 'passwordHash', '', ' ', 'a.b', '$where', '0'];

const longString = fc.constantFrom(256, 4001, 20_000, 300_000).chain((n) => fc.constantFrom('x'.repeat(n), 'é'.repeat(n), '😀'.repeat(n / 2)));
/** Rarely: a body over the 1 MB limit (413). */
const overLimit = fc.constant('y'.repeat(1_100_000));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 120, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 40, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 20, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001f', "'", '"', '\\', '%', '\n'), maxLength: 10 }) },
  { weight: 20, arbitrary: longString },
  { weight: 1, arbitrary: overLimit },
);

export const hostileNumber: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBER_LITERALS).map((t) => new Verbatim(t)) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '1e999', '42', '', '0x10', '-1') },
);

export const hostileStructure: fc.Arbitrary<Gen> = fc.constantFrom(...HOSTILE_STRUCTURES);

/** Any hostile value, whatever the field: wrong types, odd numbers and strings, structures. */
export const hostileAny: fc.Arbitrary<Gen> = fc.oneof(hostileString, hostileNumber, hostileStructure, fc.constantFrom<Gen>(null, true, false));
