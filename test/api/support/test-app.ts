import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../server/src/app.module';
import { configureApp } from '../../../server/src/app.setup';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real application module on a fresh database, with the same global pipe, filter and guard as production. */
export async function startTestApp(extraEnv: Record<string, string> = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  Object.assign(process.env, { LOG_LEVEL: 'silent', SEED_DEMO: 'false', NODE_ENV: 'test' }, db.env, extraEnv);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      if (!database) await db.drop();
    },
  };
}

/** Row count of a table, to prove a rejected request changed nothing. */
export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
  return count;
}
