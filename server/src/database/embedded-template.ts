import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Ready data folders made by `npm run build` (embedded-template.cli.ts). `data`: initdb done and every
 * migration applied. `demo`: the same with the demo portfolio seeded and swept, as a first start
 * would leave it, on the UTC day written in the manifest. A first start copies one of them instead of
 * running initdb in WASM and seeding. Without them (or made by another PGlite) the start runs initdb
 * and seeds as before.
 */
export const TEMPLATE_ROOT = resolve(__dirname, '../embedded-template');
export const TEMPLATE_DATA = join(TEMPLATE_ROOT, 'data');
export const TEMPLATE_DEMO = join(TEMPLATE_ROOT, 'demo');
export const TEMPLATE_MANIFEST = join(TEMPLATE_ROOT, 'manifest.json');
/** PostgreSQL writes it at initdb; PGlite runs initdb when the folder has none. */
const PG_VERSION = 'PG_VERSION';
const OWNER_ONLY = 0o700;

export interface TemplateManifest {
  /** The data format belongs to the PGlite build that wrote it. */
  pglite: string;
  /** The migrations applied to the template, in order. */
  migrations: string[];
  /** argon2 hashes of the published demo passwords (they are public), by password. */
  demoPasswordHashes: Record<string, string>;
  /**
   * The UTC day (YYYY-MM-DD) the demo template was seeded on; absent without one. The demo's dates
   * count back from that day, so it is only right on that day.
   */
  demoDay?: string;
}

/** Which template filled a new data folder. */
export type TemplateKind = 'demo' | 'schema';

export function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The template's manifest, when there is a template this PGlite can open. */
export function readTemplateManifest(): TemplateManifest | null {
  if (!existsSync(TEMPLATE_MANIFEST) || !existsSync(join(TEMPLATE_DATA, PG_VERSION))) return null;
  const manifest = JSON.parse(readFileSync(TEMPLATE_MANIFEST, 'utf8')) as TemplateManifest;
  return manifest.pglite === pgliteVersion() ? manifest : null;
}

/** The UTC calendar day of an instant, as the demo clock counts days. */
export const utcDayString = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * The template a new data folder gets: the demo one when the demo is wanted and was seeded today
 * (UTC), otherwise the bare schema (the demo, if wanted, is then seeded at start, for today).
 */
export function templateKindFor(manifest: Pick<TemplateManifest, 'demoDay'>, withDemo: boolean, now: Date, demoPresent = existsSync(join(TEMPLATE_DEMO, PG_VERSION))): TemplateKind {
  return withDemo && demoPresent && manifest.demoDay === utcDayString(now) ? 'demo' : 'schema';
}

export const templateDir = (kind: TemplateKind): string => (kind === 'demo' ? TEMPLATE_DEMO : TEMPLATE_DATA);

/**
 * Fills a data folder that holds no database from a template; null when it already has one or there
 * is no usable template. PG_VERSION is copied last: a copy cut short leaves a folder without it,
 * which the next start fills again.
 */
export function fillFromTemplate(location: string, options: { withDemo?: boolean; now?: Date } = {}): TemplateKind | null {
  if (existsSync(join(location, PG_VERSION))) return null;
  const manifest = readTemplateManifest();
  if (!manifest) return null;
  const kind = templateKindFor(manifest, options.withDemo ?? false, options.now ?? new Date());
  const source = templateDir(kind);
  copyTree(source, location, join(source, PG_VERSION));
  copyFileSync(join(source, PG_VERSION), join(location, PG_VERSION));
  return kind;
}

/**
 * A plain recursive copy: about a thousand small files, where fs.cpSync's checks per entry cost
 * several times what copying them does.
 */
function copyTree(from: string, to: string, skip: string): void {
  mkdirSync(to, { recursive: true, mode: OWNER_ONLY });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) copyTree(source, join(to, entry.name), skip);
    else if (source !== skip) copyFileSync(source, join(to, entry.name));
  }
}
