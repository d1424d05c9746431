import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../api/support/test-database';
import { startServer, type RunningServer } from '../../support/server-process';

/** The built server as its own process on a fresh database, with one program-office account that signs in by password. */
export interface SuiteServer {
  server: RunningServer;
  baseUrl: string;
  /** Direct connections to the suite's database, for checksums and counts (never for the product's writes). */
  pg: Pool;
  admin: { email: string; password: string };
  /** Signs in as the program office with the password, as a browser does; returns the `Cookie` header to send. */
  signIn(): Promise<string>;
  close(): Promise<void>;
}

export async function startSuiteServer(env: Record<string, string> = {}): Promise<SuiteServer> {
  if (!process.env.DATABASE_URL) throw new Error('The reliability suites need DATABASE_URL (a PostgreSQL server; each suite makes its own database there)');
  const db: TestDatabase = await createTestDatabase();
  const admin = { email: `office-${randomBytes(4).toString('hex')}@example.com`, password: `rel-${randomBytes(12).toString('hex')}` };
  let server: RunningServer | undefined;
  const pg = new Pool({ connectionString: db.env.DATABASE_URL, max: 4 });
  try {
    server = await startServer({
      ...db.env,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ADMIN_NAME: 'Reliability Office',
      SEED_DEMO: 'false',
      SWEEP_ENABLED: 'false',
      SCHEDULED_MESSAGES_ENABLED: 'false',
      ...env,
    });
    await pg.query('SELECT 1');
  } catch (error) {
    await server?.stop();
    await db.drop();
    throw error;
  }
  const running = server;
  const baseUrl = running.baseUrl;
  return {
    server: running,
    baseUrl,
    pg,
    admin,
    signIn: async () => {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(admin),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('liftoff_session='));
      if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return cookie.split(';')[0];
    },
    close: async () => {
      await pg.end().catch(() => undefined);
      await running.stop();
      await db.drop();
    },
  };
}
