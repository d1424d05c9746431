import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { ApiErrorBody } from '@liftoff/shared';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Answers with the API's error shape from plain Express middleware (which runs before Nest's filter can). */
export function sendApiError(res: Response, statusCode: number, message: string, extra: Partial<ApiErrorBody> = {}): void {
  const body: ApiErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
  res.status(statusCode).json(body);
}

function hasBody(req: Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

function isJson(req: Request): boolean {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The one deliberate exception to JSON-only writes: spreadsheet uploads (dry run and confirm of an import)
 * come as multipart/form-data, as a browser's file form sends them. Origin is checked for them like for
 * every write, so a page on another site still cannot post one with the user's cookie.
 */
const UPLOAD_ROUTE = /^\/api\/imports\/(pilots|weekly-updates)(\/dry-run)?\/?$/i;

/** Mail programs unsubscribe in one click (RFC 8058) by posting `List-Unsubscribe=One-Click` as a form; the route reads only its signed token. */
const ONE_CLICK_UNSUBSCRIBE = /^\/api\/notifications\/unsubscribe\/?$/i;

function isUpload(req: Request): boolean {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method === 'POST' && mediaType === 'application/x-www-form-urlencoded' && ONE_CLICK_UNSUBSCRIBE.test(req.path)) return true;
  return req.method === 'POST' && mediaType === 'multipart/form-data' && UPLOAD_ROUTE.test(req.path);
}

/** The origin a browser says the request comes from: Origin, or else the origin of Referer; undefined when neither. */
function claimedOrigin(req: Request): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin;
  const referer = req.headers.referer;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

function isTrustedOrigin(origin: string, publicOrigin: string, host: string | undefined): boolean {
  if (origin === publicOrigin) return true;
  try {
    // Same-origin: the page was served by this very server under the name the browser used to reach it.
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // 'null' (sandboxed frames, file pages) and garbage are never trusted.
  }
}

/**
 * Cross-site request forgery: a page elsewhere can make a signed-in browser post a form or a text/plain body,
 * but it cannot send application/json without a preflight, nor forge Origin. So every write with a
 * body must be JSON (415), and one that names an origin must name ours (403). Requests naming no origin at all
 * come from API clients and servers, not browsers, and are let through to authentication.
 * Registered before the body parsers, so a refused body is never read.
 */
export function writeRequestGuard(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return function writeRequestGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
    // Every write, not only those spelled /api/: Express matches routes case-insensitively (/API/pilots).
    if (!WRITE_METHODS.has(req.method)) return next();
    const origin = claimedOrigin(req);
    if (origin !== undefined && !isTrustedOrigin(origin, publicOrigin, req.headers.host)) {
      return sendApiError(res, HttpStatus.FORBIDDEN, 'Cross-origin write refused: the request comes from another site');
    }
    if (hasBody(req) && !isJson(req) && !isUpload(req)) {
      return sendApiError(res, HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Request bodies must be application/json');
    }
    next();
  };
}
