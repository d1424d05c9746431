import { Client } from 'pg';
import { DEMO_ACCOUNTS, type IssuedAccountLink } from '@liftoff/shared';
import { startServer, stopAllServers, type RunningServer } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const ADMIN = { email: 'first.admin@example.com', password: 'first admin passphrase' };

/** These start the built server (`npm run build` first) on a real PostgreSQL, as production does. */
const onRealDatabase = process.env.LIFTOFF_EMBEDDED_TEST_URL ? describe.skip : describe;

async function query<T>(database: TestDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function call(server: RunningServer, path: string, init: { method?: string; body?: unknown; cookie?: string; bearer?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`;
  return fetch(`${server.baseUrl}${path}`, { method: init.method ?? (init.body ? 'POST' : 'GET'), headers, body: init.body ? JSON.stringify(init.body) : undefined });
}

const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('liftoff_session='))!.split(';')[0];

onRealDatabase('a real database, started as in production', () => {
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    // SEED_DEMO unset, as on a fresh deployment; info level, as by default.
    server = await startServer({ ...database.env, SEED_DEMO: undefined, DATA_DIR: undefined, LOG_LEVEL: 'info', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, 120_000);
  }, 150_000);
  afterAll(async () => {
    await stopAllServers();
    await database?.drop();
  });

  it('has no demo portfolio and no demo account by default, and the published passwords sign nobody in', async () => {
    const demo = await query(database, "SELECT email FROM people WHERE email LIKE '%@liftoff.demo'");
    expect(demo).toEqual([]);
    expect(await query(database, 'SELECT id FROM pilots')).toEqual([]);
    for (const account of DEMO_ACCOUNTS) {
      expect((await call(server, '/api/auth/login', { body: { email: account.email, password: account.password } })).status).toBe(401);
    }
    expect(server.output()).not.toMatch(/liftoff-office|Demo accounts/);
  });

  it('never writes a cookie, a token or a password to the log, in requests or responses', async () => {
    const secrets: string[] = [ADMIN.password];
    const login = await call(server, '/api/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login);
    secrets.push(cookie.split('=')[1]);
    expect((await call(server, '/api/auth/me', { cookie })).status).toBe(200);

    const token = (await (await call(server, '/api/auth/tokens', { body: { name: 'log check' }, cookie })).json()) as { token: string };
    secrets.push(token.token);
    expect((await call(server, '/api/pilots', { bearer: token.token })).status).toBe(200);

    const invited = (await (await call(server, '/api/people/invite', { body: { name: 'Logged Invitee', email: 'logged.invitee@example.com', role: 'viewer' }, cookie })).json()) as { link: IssuedAccountLink };
    secrets.push(invited.link.token);
    expect((await call(server, '/api/auth/links/inspect', { body: { token: invited.link.token } })).status).toBe(200);
    const inviteePassword = 'invitee chose this passphrase';
    secrets.push(inviteePassword);
    const accepted = await call(server, '/api/auth/links/accept', { body: { token: invited.link.token, password: inviteePassword } });
    expect(accepted.status).toBe(200);
    secrets.push(sessionCookie(accepted).split('=')[1]);
    // Someone pasting a token into a URL: the query value is blanked in the log line.
    const pasted = 'pasted-secret-value-123456';
    secrets.push(pasted);
    await call(server, `/api/auth/me?token=${pasted}`, { cookie });
    expect((await call(server, '/api/auth/logout', { method: 'POST', cookie })).status).toBe(204);

    await new Promise((r) => setTimeout(r, 500)); // let the last log lines arrive
    const log = server.output();
    // The requests were logged (so this checks real log lines), just without their secrets.
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/auth/links/accept');
    expect(log).toContain('[redacted]');
    for (const secret of secrets) expect(log).not.toContain(secret);
    for (const secret of secrets) expect(log).not.toContain(encodeURIComponent(secret));
  });
});

onRealDatabase('a real database with SEED_DEMO=true', () => {
  let database: TestDatabase;
  afterAll(async () => {
    await stopAllServers();
    await database?.drop();
  });

  it('seeds the demo accounts with random passwords printed once, never the published ones', async () => {
    database = await createTestDatabase();
    const server = await startServer({ ...database.env, SEED_DEMO: 'true', DATA_DIR: undefined, LOG_LEVEL: 'warn' }, 180_000);
    const output = server.output();
    expect(output).toContain('random passwords shown this once');
    for (const account of DEMO_ACCOUNTS) {
      expect((await call(server, '/api/auth/login', { body: { email: account.email, password: account.password } })).status).toBe(401);
      const printed = new RegExp(`${account.email.replace('.', '\\.')}\\s+password: (\\S+)`).exec(output)?.[1];
      expect(printed).toBeDefined();
      expect(printed).not.toBe(account.password);
      expect((await call(server, '/api/auth/login', { body: { email: account.email, password: printed } })).status).toBe(200);
    }
  }, 240_000);
});
