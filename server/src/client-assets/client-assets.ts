import { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { RequestHandler, Response } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Vite puts every built file but index.html under assets/ with a content hash in its name. */
const HASHED_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Precompressed siblings the client build writes, best first (brotli is smaller than gzip). */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof VARIANTS)[number]['encoding'];

/** The built dashboard's folder, or null when there is no build (API-only runs and most tests). */
export function clientDistDir(): string | null {
  const dir = process.env.CLIENT_DIST_DIR ?? resolve(__dirname, '../../../client/dist');
  return existsSync(resolve(dir, 'index.html')) ? dir : null;
}

/**
 * Hashed files never change under their name, so browsers keep them for a year without asking;
 * index.html (and anything else outside assets/) names the current hashes, so it is always revalidated.
 */
function cacheHeaders(dir: string): (res: Response, path: string) => void {
  const hashedDir = join(resolve(dir), HASHED_PREFIX);
  return (res, path) => res.setHeader('Cache-Control', resolve(path).startsWith(hashedDir) ? IMMUTABLE : 'no-cache');
}

/** The built dashboard, when there is one: served at / with client-side routes falling back to index.html. */
export function clientModule(): DynamicModule[] {
  const dir = clientDistDir();
  if (!dir) return [];
  return [ServeStaticModule.forRoot({ rootPath: dir, exclude: ['/api/{*path}'], serveStaticOptions: { setHeaders: cacheHeaders(dir) } })];
}

/** The encodings an Accept-Encoding header allows, by name (q=0 refuses; `*` stands for any other). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const quality = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    quality.set(name, q ? Number(q[1]) : 1);
  }
  const allowed = (name: string) => (quality.get(name) ?? quality.get('*') ?? 0) > 0;
  return new Set(VARIANTS.map((v) => v.encoding).filter(allowed));
}

/**
 * Serves `<asset>.br` or `<asset>.gz` in place of a hashed asset when the browser accepts it: the build
 * compressed them once at the highest levels, so no request pays for compression. The request is
 * rewritten to the compressed file and handed on to the static server (which adds the cache headers);
 * the content type stays that of the original.
 */
export function precompressedAssets(dir: string): RequestHandler {
  const available = new Map<string, Set<Encoding>>();
  const assetsDir = join(dir, HASHED_PREFIX);
  const files = existsSync(assetsDir) ? new Set(readdirSync(assetsDir)) : new Set<string>();
  for (const file of files) {
    const encodings = new Set(VARIANTS.filter((v) => files.has(file + v.suffix)).map((v) => v.encoding));
    if (encodings.size > 0) available.set(HASHED_PREFIX + file, encodings);
  }
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const encodings = available.get(req.path);
    if (!encodings) return next();
    // The answer depends on Accept-Encoding, whichever representation goes out.
    res.vary('Accept-Encoding');
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const variant = VARIANTS.find((v) => encodings.has(v.encoding) && accepted.has(v.encoding));
    if (!variant) return next();
    res.type(extname(req.path));
    res.setHeader('Content-Encoding', variant.encoding);
    req.url = req.path + variant.suffix;
    next();
  };
}
