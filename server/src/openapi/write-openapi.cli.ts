import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app.setup';
import { createOpenApiDocument } from './openapi-document';

/**
 * Writes the OpenAPI document to a file without a database or a listener: Nest's preview mode builds
 * the module graph (which is all the document needs) but runs no provider, so nothing connects.
 * Usage: node server/dist/openapi/write-openapi.cli.js <out.json>
 */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  const app = await NestFactory.create(AppModule.forRoot(), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = createOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
