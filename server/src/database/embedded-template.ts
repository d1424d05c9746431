import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * A ready data folder made by `npm run build` (embedded-template.cli.ts): initdb done and every
 * migration applied. A first start copies it instead of running initdb in WASM, which is most of the
 * time a cold start takes. Without it (or made by another PGlite) the start runs initdb as before.
 */
export const TEMPLATE_ROOT = resolve(__dirname, '../embedded-template');
export const TEMPLATE_DATA = join(TEMPLATE_ROOT, 'data');
const MANIFEST = join(TEMPLATE_ROOT, 'manifest.json');
/** PostgreSQL writes it at initdb; PGlite runs initdb when the folder has none. */
const PG_VERSION = 'PG_VERSION';

export interface TemplateManifest {
  /** The data format belongs to the PGlite build that wrote it. */
  pglite: string;
  /** The migrations applied to the template, in order. */
  migrations: string[];
  /** argon2 hashes of the published demo passwords (they are public), by password. */
  demoPasswordHashes: Record<string, string>;
}

export function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The template's manifest, when there is a template this PGlite can open. */
export function readTemplateManifest(): TemplateManifest | null {
  if (!existsSync(MANIFEST) || !existsSync(join(TEMPLATE_DATA, PG_VERSION))) return null;
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as TemplateManifest;
  return manifest.pglite === pgliteVersion() ? manifest : null;
}

/**
 * Fills a data folder that holds no database from the template; false when it already has one or
 * there is no usable template. PG_VERSION is copied last: a copy cut short leaves a folder without
 * it, which the next start fills again.
 */
export function fillFromTemplate(location: string): boolean {
  if (existsSync(join(location, PG_VERSION)) || !readTemplateManifest()) return false;
  cpSync(TEMPLATE_DATA, location, { recursive: true, filter: (source) => source !== join(TEMPLATE_DATA, PG_VERSION) });
  cpSync(join(TEMPLATE_DATA, PG_VERSION), join(location, PG_VERSION));
  return true;
}
