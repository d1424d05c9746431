import type { INestApplicationContext } from '@nestjs/common';
import { AnalysisService } from '../../signals/analysis.service';
import type { DemoPasswords } from './demo-seed-plan';
import { DemoSeeder, type SeedOutcome } from './demo-seeder';

/**
 * What a start does to an empty database that is to hold the demo: seed it, then sweep it, so the
 * demo opens with its stuck pilots already diagnosed rather than waiting for the nightly sweep. The
 * build runs the same on its demo template (embedded-demo-template.ts).
 */
export async function seedAndSweepDemo(app: INestApplicationContext, passwords: Exclude<DemoPasswords, 'none'>): Promise<SeedOutcome> {
  const outcome = await app.get(DemoSeeder).seed({}, passwords);
  if (outcome.seeded) await app.get(AnalysisService).sweep();
  return outcome;
}
