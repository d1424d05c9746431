import { HttpStatus } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { sendApiError } from './write-request-guard';

/** Deeper than any body the API defines; deeper input is hostile and only costs the validators stack. */
export const MAX_JSON_DEPTH = 32;

/** Deepest nesting of arrays and objects in a parsed value (iterative: hostile input must not overflow the stack). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/** The path (`kpis.0.name`) of the first string holding a NUL byte, which PostgreSQL text cannot store. */
export function fieldWithNulByte(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = fieldWithNulByte(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/** A UTF-16 surrogate without its pair: JSON can spell one (`"\ud800"`), but it is no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (or key) that is not well-formed text: validators that encode it throw
 * (class-validator's IsEmail via encodeURI), and PostgreSQL would store a replacement character instead.
 */
export function fieldWithLoneSurrogate(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return path ? `${path}.${key}` : key;
    const found = fieldWithLoneSurrogate(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

function textError(res: Response, field: string, problem: string): void {
  sendApiError(res, HttpStatus.BAD_REQUEST, `Invalid request: ${field} ${problem}`, {
    fieldErrors: [{ field, messages: [`${field} ${problem}`] }],
  });
}

function nulByteError(res: Response, field: string): void {
  textError(res, field, 'must not contain a NUL character');
}

/**
 * The API's only body parser (named like Express's, so Nest adds neither its JSON nor its form parser):
 * JSON up to `limitBytes` (413 beyond), malformed JSON 400, nesting beyond MAX_JSON_DEPTH 400, and a NUL byte
 * in any body or query value or a lone surrogate in any body value 400 naming the field. Errors are answered here in the API's error shape.
 */
export function jsonBodyParser(limitBytes: number) {
  const parse = express.json({ limit: limitBytes });
  return function jsonParser(req: Request, res: Response, next: NextFunction): void {
    parse(req, res, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: number }).status;
        if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
          return sendApiError(res, status, `The request body is larger than ${limitBytes} bytes`);
        }
        return sendApiError(res, typeof status === 'number' && status < 500 ? status : 400, 'The request body is not valid JSON');
      }
      if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
        return sendApiError(res, HttpStatus.BAD_REQUEST, `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
      }
      const bodyField = fieldWithNulByte(req.body);
      if (bodyField) return nulByteError(res, bodyField);
      const illFormed = fieldWithLoneSurrogate(req.body);
      if (illFormed) return textError(res, illFormed, 'must be well-formed Unicode text (it holds half of a surrogate pair)');
      const queryField = fieldWithNulByte(req.query);
      if (queryField) return nulByteError(res, queryField);
      next();
    });
  };
}

/** Stands in for Express's form parser so Nest does not register one: the API reads JSON only. */
export function urlencodedParser(_req: Request, _res: Response, next: NextFunction): void {
  next();
}
