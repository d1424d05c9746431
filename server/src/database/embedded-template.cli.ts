import 'reflect-metadata';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../auth/credentials';
import { buildDataSourceOptions } from './data-source-options';
import { EmbeddedDatabase } from './embedded-database';
import { TEMPLATE_ROOT, pgliteVersion, readTemplateManifest, type TemplateManifest } from './embedded-template';
import { MIGRATIONS } from './migrations';
import { runMigrationsWithoutTimeout } from './migrations-runner';

const migrationNames = (): string[] => MIGRATIONS.map((migration) => migration.name);

function upToDate(manifest: TemplateManifest | null): boolean {
  return !!manifest
    && JSON.stringify(manifest.migrations) === JSON.stringify(migrationNames())
    && DEMO_ACCOUNTS.every((account) => typeof manifest.demoPasswordHashes[account.password] === 'string');
}

/**
 * Part of `npm run build -w server`: makes the embedded data-folder template (see embedded-template.ts)
 * unless the one there already has this PGlite and every migration. Built beside the old one and
 * swapped in whole, so a failed build leaves no half template behind.
 */
async function main(): Promise<void> {
  if (upToDate(readTemplateManifest())) {
    console.log('Embedded database template is up to date');
    return;
  }
  const started = Date.now();
  const building = `${TEMPLATE_ROOT}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const dataDir = join(building, 'data');
  const db = await EmbeddedDatabase.start(dataDir);
  try {
    const dataSource = await new DataSource(buildDataSourceOptions(db.url, 1)).initialize();
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
  writeFileSync(join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(TEMPLATE_ROOT, { recursive: true, force: true });
  renameSync(building, TEMPLATE_ROOT);
  console.log(`Embedded database template built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
