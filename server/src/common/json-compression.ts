import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

/** Larger bodies go to the streaming middleware: compressing them here would hold the event loop too long. */
const MAX_WHOLE_BYTES = 256 * 1024;

/** The `compression` middleware's brotli quality (its default), so either path sends the same bytes. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * What `compression` would choose for an Accept-Encoding without weights: brotli, then gzip (it prefers
 * them in that order when the client accepts both equally). With weights, or neither, it decides itself.
 */
function chosenEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding || acceptEncoding.includes(';')) return null;
  const codings = acceptEncoding.split(',').map((coding) => coding.trim().toLowerCase());
  if (codings.includes('br') || codings.includes('*')) return 'br';
  if (codings.includes('gzip')) return 'gzip';
  return null;
}

/**
 * JSON answers (`res.json`, which ends the response with the whole body at once) compressed in one
 * call, with a Content-Length. Through `compression`'s stream (a zlib stream per response, its work
 * handed to the thread pool and back, the body sent in chunks) a 11-76 KB list page took 0.2-0.8 ms
 * longer and 0.1-0.7 ms more CPU than this; the one call costs 0.05-0.3 ms (issue 11). Same encoding,
 * level and threshold as `compression`, which stays registered before this (it adds `Vary` and passes
 * an already encoded body through) and handles everything else: streams, other types, weighted codings.
 */
export function wholeJsonCompression(thresholdBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = res.end as (this: Response, ...args: unknown[]) => Response;
    const write = res.write as (this: Response, ...args: unknown[]) => boolean;
    let streamed = false;
    res.write = function (this: Response, ...args: unknown[]) {
      streamed = true;
      return write.apply(this, args);
    } as Response['write'];
    res.end = function (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      const body = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk;
      const method = Buffer.isBuffer(body) && !streamed ? compressible(req, res, body, thresholdBytes) : null;
      if (method) {
        const compressed = method === 'br' ? brotliCompressSync(body as Buffer, BROTLI) : gzipSync(body as Buffer);
        res.setHeader('Content-Encoding', method);
        res.setHeader('Content-Length', compressed.length);
        return end.call(this, compressed, typeof encoding === 'function' ? encoding : callback);
      }
      return end.call(this, chunk, encoding, callback);
    } as Response['end'];
    next();
  };
}

function compressible(req: Request, res: Response, body: Buffer, thresholdBytes: number): 'br' | 'gzip' | null {
  if (res.headersSent || req.method === 'HEAD' || body.length < thresholdBytes || body.length > MAX_WHOLE_BYTES) return null;
  if (!String(res.getHeader('Content-Type') ?? '').startsWith('application/json')) return null;
  if (res.getHeader('Content-Encoding') || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('Cache-Control') ?? ''))) return null;
  return chosenEncoding(req.headers['accept-encoding']);
}
