import { execFileSync, spawnSync } from 'node:child_process';
import { get, request } from 'node:http';
import { Client } from 'pg';
import { SERVER_ENTRY, startServer, stopAllServers, waitForServing, type RunningServer } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** These start the built server (`npm run build` first) on a real PostgreSQL, as production does. */
const onRealDatabase = process.env.LIFTOFF_EMBEDDED_TEST_URL ? describe.skip : describe;

const LOGIN_LIMIT = 6;
const ADMIN = { email: 'workers.admin@example.com', password: 'workers admin passphrase' };

/** The worker processes of a primary, from the process table. */
const workersOf = (pid: number): number[] =>
  execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' }).split('\n').map((line) => Number(line.trim())).filter(Boolean);

/** A wrong-password sign-in on a connection of its own: its status. */
const failedSignIn = () =>
  new Promise<number>((done, fail) => {
    const body = JSON.stringify({ email: ADMIN.email, password: 'not the passphrase' });
    const req = request(`${baseUrlOf()}/api/auth/login`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
let baseUrlOf: () => string;

/** A GET on a connection of its own (fetch keeps connections alive, and the cluster deals out connections, not requests). */
const statusOnNewConnection = (url: string, cookie: string) =>
  new Promise<number>((done, fail) => {
    get(url, { agent: false, headers: { Cookie: cookie } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    }).on('error', fail);
  });

const waitFor = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

onRealDatabase('a server of several worker processes (SERVER_WORKERS)', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let cookie: string;
  beforeAll(async () => {
    // A fresh database: the first worker migrates and creates the first account before the second starts.
    database = await createTestDatabase();
    baseUrlOf = () => server.baseUrl;
    server = await startServer({ ...database.env, SERVER_WORKERS: '2', LOGIN_RATE_LIMIT: String(LOGIN_LIMIT), SEED_DEMO: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, 120_000);
    // The second worker starts once the first serves; it takes connections once it listens too.
    await waitForServing(server, 2);
    expect(workersOf(server.process.pid!)).toHaveLength(2);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().find((c) => c.startsWith('liftoff_session='))!.split(';')[0];
  }, 150_000);
  afterAll(async () => {
    await stopAllServers();
    await database?.drop();
  });

  it('serves from two processes on one port, each with its own database connections, after one migration', async () => {
    const client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migrations: number; distinct_names: number }>(
        'SELECT count(*)::int AS migrations, count(DISTINCT name)::int AS distinct_names FROM migrations',
      );
      expect(rows[0].migrations).toBe(rows[0].distinct_names);
      // Fresh connections go round the workers.
      const answers = await Promise.all(Array.from({ length: 20 }, () => statusOnNewConnection(`${server.baseUrl}/api/auth/me`, cookie)));
      expect(answers).toEqual(Array(20).fill(200));
      // Each worker is a whole app with its own pool: each holds connections to the database itself.
      const port = new URL(database.env.DATABASE_URL).port || '5432';
      const sockets = execFileSync('ss', ['-tnpH', 'state', 'established', 'dport', `:${port}`], { encoding: 'utf8' });
      for (const pid of workersOf(server.process.pid!)) expect(sockets).toContain(`pid=${pid},`);
    } finally {
      await client.end();
    }
  });

  it('the workers share the sign-in limit: together they let no more attempts through than LOGIN_RATE_LIMIT', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LOGIN_LIMIT; i++) statuses.push(await failedSignIn());
    const letThrough = statuses.filter((status) => status === 401).length;
    // One count in the database for both workers; the sign-in above used one attempt of it.
    expect(letThrough).toBe(LOGIN_LIMIT - 1);
    expect(statuses.filter((status) => status === 429).length).toBe(statuses.length - letThrough);
  });

  it('a worker that dies is replaced and the server keeps answering', async () => {
    const [victim] = workersOf(server.process.pid!);
    process.kill(victim, 'SIGKILL');
    await waitForServing(server, 3);
    const now = workersOf(server.process.pid!);
    expect(now).toHaveLength(2);
    expect(now).not.toContain(victim);
    await waitFor(async () => (await statusOnNewConnection(`${server.baseUrl}/api/health/ready`, cookie)) === 200, 30_000, 'ready');
    const answers = await Promise.all(Array.from({ length: 10 }, () => statusOnNewConnection(`${server.baseUrl}/api/auth/me`, cookie)));
    expect(answers).toEqual(Array(10).fill(200));
    expect(server.output()).toMatch(/A server worker \(process \d+\) stopped \(SIGKILL\); starting another/);
  });

  it('SIGTERM stops every worker and then the primary, with exit code 0', async () => {
    const workers = workersOf(server.process.pid!);
    expect(await server.stop()).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('refuses more than one worker on the embedded database', () => {
    const run = spawnSync(process.execPath, [SERVER_ENTRY], { env: { ...process.env, DATABASE_URL: '', SERVER_WORKERS: '2', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SERVER_WORKERS above 1 needs DATABASE_URL/);
  });
});
