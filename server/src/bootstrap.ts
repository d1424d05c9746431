import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/config.schema';
import { demoSeedPlan } from './database/seed/demo-seed-plan';
import { seedAndSweepDemo } from './database/seed/first-start-demo';
import { DatabaseConnection } from './database/database-connection';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';

/** Creates the app, seeds the demo where asked, and serves it (called by main.ts). */
export async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true, forceCloseConnections: true });
  configureApp(app);
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const embedded = app.get(DatabaseConnection).isEmbedded;
  const plan = demoSeedPlan(config.get('SEED_DEMO', { infer: true }), embedded);
  if (plan.seed) {
    // A data folder copied from the build's demo template has it already: nothing to do then.
    const outcome = await seedAndSweepDemo(app, plan.passwords);
    if (plan.passwords === 'random' && outcome.accounts.length > 0) {
      // Straight to the terminal, never through the logger: these passwords exist nowhere else.
      console.log('Demo accounts on this real database, with random passwords shown this once:');
      printAccounts(outcome.accounts);
    }
  }
  if (embedded) await printDemoAccounts(app);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  closeOnSignals(app);
  console.log(`Liftoff is running on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
}

/** The embedded default is a demo: say how to sign in (never done against a real database). */
async function printDemoAccounts(app: INestApplication): Promise<void> {
  const rows: { email: string }[] = await app.get(DataSource).query(
    'SELECT email FROM people WHERE email = ANY($1) AND password_hash IS NOT NULL',
    [DEMO_ACCOUNTS.map((a) => a.email)],
  );
  if (rows.length === 0) return;
  console.log('Demo accounts (embedded database only):');
  printAccounts(DEMO_ACCOUNTS);
}

function printAccounts(accounts: readonly { role: string; email: string; password: string }[]): void {
  for (const account of accounts) console.log(`  ${account.role.padEnd(15)} ${account.email.padEnd(22)} password: ${account.password}`);
}

/** SIGTERM / SIGINT: stop taking requests, close the pool and the embedded database, then exit 0. */
function closeOnSignals(app: INestApplication): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app
        .close()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error('Shutdown failed', error);
          process.exit(1);
        });
    });
  }
}
