import * as crypto from 'node:crypto';

/** One-shot hashing where Node has it (20.12 and later): no Hash object per row, about half the time. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
const md5Hex = oneShot ? (text: string) => oneShot('md5', text) : (text: string) => crypto.createHash('md5').update(text).digest('hex');

/**
 * A digest of what an analysis row says (its JSON text), stored beside the row as a uuid: a sweep
 * compares it with the stored one in Node and sends only the rows whose digest differs, instead of
 * every row for the database to compare. The analysis builds its objects in a fixed key order, so
 * the same content gives the same text. The statements that write flags and diagnoses
 * (`flag-sync.ts`, `diagnosis-upsert.ts`) write the digest with the content; any other statement that
 * changes the content has its row's digest cleared by a trigger (migration `SweepDigests`), so the
 * next sweep compares that row again. The statements still compare the content themselves: a row
 * whose digest alone differs gets only its digest.
 */
export function rowDigest(values: unknown[]): string {
  return digestOfJson(JSON.stringify(values));
}

/** `rowDigest` of values whose JSON array text the caller wrote already. */
export function digestOfJson(json: string): string {
  const hex = md5Hex(json);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
