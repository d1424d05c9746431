import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A throwaway database for one test file: a fresh database on the PostgreSQL named by DATABASE_URL,
 * or, without it, the shared in-memory PGlite from the global setup with its schema wiped.
 */
export interface TestDatabase {
  /** Environment the app under test should see. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const embeddedUrl = process.env.LIFTOFF_EMBEDDED_TEST_URL;
  if (embeddedUrl) {
    // The job queue's schema (pgboss) goes too: its migration installs it again.
    await adminQuery(embeddedUrl, 'DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE; CREATE SCHEMA public');
    return { env: { DATABASE_URL: embeddedUrl, DB_POOL_SIZE: '1' }, drop: async () => undefined };
  }
  const serverUrl = process.env.LIFTOFF_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('No test database: set DATABASE_URL or run through jest (its global setup starts one)');
  process.env.LIFTOFF_TEST_SERVER_URL = serverUrl;
  const name = `liftoff_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
