import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/config.schema';
import { DemoSeeder } from './database/seed/demo-seeder';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), { bufferLogs: true });
  configureApp(app);
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  if (config.get('SEED_DEMO', { infer: true })) await app.get(DemoSeeder).seedIfEmpty();
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  console.log(`Liftoff is running on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
