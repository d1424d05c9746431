import { INestApplication, type DynamicModule, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '@liftoff/shared';
import { AppModule } from '../../../server/src/app.module';
import { configureApp } from '../../../server/src/app.setup';
import { AuthService } from '../../../server/src/auth/auth.service';
import { Person } from '../../../server/src/people/person.entity';
import { createTestDatabase, type TestDatabase } from './test-database';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
/** supertest, with every request signed in as one person (API token). */
export type Http = Record<Method, (url: string) => request.Test>;

export interface TestApp {
  app: INestApplication;
  /** Requests as a program-office account, which may do everything. */
  http: Http;
  /** Requests with no credentials. */
  anonymous: ReturnType<typeof request>;
  dataSource: DataSource;
  /** Requests as a fresh person of that role (created on first use); `person` tells who. */
  as(role: Role, person?: Person): Promise<Http & { person: Person }>;
  close(): Promise<void>;
}

let serial = 0;

/** The real application module on a fresh database, with the same global pipe, filter and guard as production. */
export async function startTestApp(
  extraEnv: Record<string, string> = {},
  database?: TestDatabase,
  /** Modules added beside the app's own (a global provider another branch will supply, for example). */
  extraImports: (Type<unknown> | DynamicModule)[] = [],
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  Object.assign(process.env, { LOG_LEVEL: 'silent', SEED_DEMO: 'false', NODE_ENV: 'test', SWEEP_ENABLED: 'false', SCHEDULED_MESSAGES_ENABLED: 'false' }, db.env, extraEnv);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(), ...extraImports] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const signedIn = async (person: Person) => {
    const { token } = await app.get(AuthService).createToken(person.id, { name: 'test' });
    const http = Object.fromEntries(
      (['get', 'post', 'patch', 'put', 'delete'] as const).map((m) => [m, (url: string) => request(server)[m](url).set('Authorization', `Bearer ${token}`)]),
    ) as Http;
    return { ...http, person };
  };
  const makePerson = (role: Role) =>
    dataSource.manager.save(dataSource.manager.create(Person, { name: `Test ${role} ${++serial}`, email: `test-${role}-${serial}-${Date.now()}@example.com`, role, businessUnitId: null }));
  const admin = await signedIn(await makePerson('program_office'));
  return {
    app,
    http: admin,
    anonymous: request(server),
    dataSource,
    as: async (role, person) => signedIn(person ?? (await makePerson(role))),
    close: async () => {
      await app.close();
      if (!database) await db.drop();
    },
  };
}

export interface TwoInstances {
  first: TestApp;
  second: TestApp;
  database: TestDatabase;
  /** Closes both and drops their database. */
  close(): Promise<void>;
}

/** Two instances of the app on one fresh database, as two servers behind a load balancer (or two workers). */
export async function startTwoInstances(extraEnv: Record<string, string> = {}): Promise<TwoInstances> {
  const db = await createTestDatabase();
  const first = await startTestApp(extraEnv, db);
  const second = await startTestApp(extraEnv, db).catch(async (error: unknown) => {
    await first.close();
    await db.drop();
    throw error;
  });
  return {
    first,
    second,
    database: db,
    close: async () => {
      await second.close();
      await first.close();
      await db.drop();
    },
  };
}

/** Row count of a table, to prove a rejected request changed nothing. */
export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
  return count;
}
