import { NestFactory } from '@nestjs/core';
import { existsSync, linkSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { TEMPLATE_DATA, utcDayString } from './embedded-template';
import { seedAndSweepDemo } from './seed/first-start-demo';

/** Settings of the caller that must not reach the demo template: it is what a bare first start makes. */
const CALLER_SETTINGS = ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'ADMIN_NAME', 'OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'];

/**
 * Makes the demo template in `dataDir` exactly as a first start of the embedded default would: the
 * app opens a data folder filled from the schema template, seeds the demo with the published
 * passwords and sweeps it. Returns the UTC day it was seeded on, or null when the seeding ran across
 * midnight (its dates would belong to neither day).
 */
export async function buildDemoTemplate(dataDir: string): Promise<string | null> {
  const saved = { ...process.env };
  for (const key of CALLER_SETTINGS) delete process.env[key];
  // The schema template fills the folder (SEED_DEMO=false), and the demo is seeded here explicitly.
  Object.assign(process.env, { DATA_DIR: dataDir, SEED_DEMO: 'false', SWEEP_ENABLED: 'false', LOG_LEVEL: 'warn' });
  try {
    const dayBefore = utcDayString(new Date());
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { logger: ['error', 'warn'] });
    try {
      const outcome = await seedAndSweepDemo(app, 'published');
      if (!outcome.seeded) throw new Error(`The demo template in ${dataDir} was not empty`);
    } finally {
      await app.close();
    }
    const dayAfter = utcDayString(new Date());
    // The socket folder belongs to a running server, not to the data.
    rmSync(join(dataDir, 'run'), { recursive: true, force: true });
    linkUnchangedFiles(dataDir, TEMPLATE_DATA);
    return dayBefore === dayAfter ? dayBefore : null;
  } finally {
    process.env = saved;
  }
}

/**
 * Most files of the demo template are byte for byte those of the schema template (catalogs of the
 * other databases, untouched tables): they become hard links to them, so the build's folder holds
 * them once. A first start copies the contents either way.
 */
function linkUnchangedFiles(dir: string, base: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    const original = join(base, entry.name);
    if (entry.isDirectory()) {
      if (existsSync(original)) linkUnchangedFiles(file, original);
    } else if (existsSync(original) && statSync(original).size === statSync(file).size && readFileSync(original).equals(readFileSync(file))) {
      unlinkSync(file);
      linkSync(original, file);
    }
  }
}
