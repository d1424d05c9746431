import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/config.schema';
import { DemoSeeder } from './database/seed/demo-seeder';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true, forceCloseConnections: true });
  configureApp(app);
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  if (config.get('SEED_DEMO', { infer: true })) await app.get(DemoSeeder).seedIfEmpty();
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  closeOnSignals(app);
  console.log(`Liftoff is running on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
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

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
