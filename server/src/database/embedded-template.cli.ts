import 'reflect-metadata';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../auth/credentials';
import { buildDataSourceOptions } from './data-source-options';
import { buildDemoTemplate } from './embedded-demo-template';
import { EmbeddedDatabase } from './embedded-database';
import { TEMPLATE_DEMO, TEMPLATE_MANIFEST, TEMPLATE_ROOT, pgliteVersion, readTemplateManifest, utcDayString, type TemplateManifest } from './embedded-template';
import { MIGRATIONS } from './migrations';
import { runMigrationsWithoutTimeout } from './migrations-runner';

const migrationNames = (): string[] => MIGRATIONS.map((migration) => migration.name);

function schemaUpToDate(manifest: TemplateManifest | null): manifest is TemplateManifest {
  return !!manifest
    && JSON.stringify(manifest.migrations) === JSON.stringify(migrationNames())
    && DEMO_ACCOUNTS.every((account) => typeof manifest.demoPasswordHashes[account.password] === 'string');
}

/** Written whole or not at all: a start may read it at any moment. */
function writeManifest(manifest: TemplateManifest, path = TEMPLATE_MANIFEST): void {
  writeFileSync(`${path}.new`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${path}.new`, path);
}

/** The schema template: initdb, every migration, and the hashes of the published demo passwords. */
async function buildSchemaTemplate(): Promise<TemplateManifest> {
  const started = Date.now();
  const building = `${TEMPLATE_ROOT}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const dataDir = join(building, 'data');
  const db = await EmbeddedDatabase.start(dataDir);
  try {
    const dataSource = await new DataSource({ ...buildDataSourceOptions(db.url, 1), installExtensions: false }).initialize();
    try {
      await runMigrationsWithoutTimeout(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.stop();
  }
  // The socket folder belongs to a running server, not to the data.
  rmSync(join(dataDir, 'run'), { recursive: true, force: true });
  const demoPasswordHashes: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) demoPasswordHashes[account.password] = await hashPassword(account.password);
  const manifest: TemplateManifest = { pglite: pgliteVersion(), migrations: migrationNames(), demoPasswordHashes };
  writeManifest(manifest, join(building, 'manifest.json'));
  rmSync(TEMPLATE_ROOT, { recursive: true, force: true });
  renameSync(building, TEMPLATE_ROOT);
  console.log(`Embedded database template built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

/** The demo template, seeded today: its dates count back from the day it is seeded. */
async function buildDemo(manifest: TemplateManifest): Promise<void> {
  const started = Date.now();
  // No start may take the old demo while it is being replaced.
  const { demoDay: _old, ...withoutDemo } = manifest;
  writeManifest(withoutDemo);
  const building = `${TEMPLATE_DEMO}.building`;
  rmSync(building, { recursive: true, force: true });
  const day = await buildDemoTemplate(building);
  rmSync(TEMPLATE_DEMO, { recursive: true, force: true });
  if (!day) {
    rmSync(building, { recursive: true, force: true });
    console.log('The demo template was seeded across midnight; a first start will seed the demo itself');
    return;
  }
  renameSync(building, TEMPLATE_DEMO);
  writeManifest({ ...withoutDemo, demoDay: day });
  console.log(`Embedded demo template for ${day} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Part of `npm run build -w server`: makes the embedded data-folder templates (see
 * embedded-template.ts). The schema one is rebuilt when the PGlite version or the migrations change,
 * beside the old one and swapped in whole, so a failed build leaves no half template behind; the demo
 * one whenever it was not seeded today (UTC), as `npm start` builds before it starts.
 */
async function main(): Promise<void> {
  let manifest = readTemplateManifest();
  if (schemaUpToDate(manifest)) console.log('Embedded database template is up to date');
  else manifest = await buildSchemaTemplate();
  if (manifest.demoDay === utcDayString(new Date()) && existsSync(join(TEMPLATE_DEMO, 'PG_VERSION'))) {
    console.log(`Embedded demo template is up to date (seeded ${manifest.demoDay})`);
    return;
  }
  await buildDemo(manifest);
}

main().then(
  // The app's modules may leave timers behind; the build step is done.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
