import { Client } from 'pg';
import { startServer, stopAllServers, type RunningServer } from '../support/server-process';
import { importWorkload, uploadImport } from '../support/import-workload';
import { adminToken, RELIABILITY_ADMIN } from '../reliability/support/update-load';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** Starts the built server (`npm run build` first) on a real PostgreSQL, as production does. */
const onRealDatabase = process.env.LIFTOFF_EMBEDDED_TEST_URL ? describe.skip : describe;

const TABLES = ['weekly_updates', 'kpi_readings', 'blockers', 'update_blockers', 'blocker_wordings', 'audit_events', 'signal_flags'];

onRealDatabase('kill -9 in the middle of a large import', () => {
  let database: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await stopAllServers();
    await client?.end();
    await database?.drop();
  }, 60_000);

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return result;
  };
  const start = () => startServer({ ...database.env, SEED_DEMO: 'false', SWEEP_ENABLED: 'false', ADMIN_EMAIL: RELIABILITY_ADMIN.email, ADMIN_PASSWORD: RELIABILITY_ADMIN.password }, 120_000);

  it('leaves nothing of the import behind, and the same file imports fully afterwards', async () => {
    let server: RunningServer = await start();
    let token = await adminToken(server.baseUrl);
    const workload = importWorkload(60, 100);
    expect((await uploadImport(server.baseUrl, token, '/api/imports/pilots', workload.pilotsCsv, { createPeople: 'true', createUnits: 'true' })).status).toBe(201);
    const before = await counts();

    const upload = uploadImport(server.baseUrl, token, '/api/imports/weekly-updates', workload.updatesCsv).catch((error: unknown) => error);
    // Kill once the import's transaction has written updates and is writing their readings.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ writing }] = (await client.query(
        `SELECT count(*)::int AS writing FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'INSERT INTO "kpi_readings"%'`,
      )).rows;
      if (writing > 0) break;
      if (Date.now() > deadline) throw new Error('the import never reached its readings');
      await new Promise((r) => setTimeout(r, 20));
    }
    server.process.kill('SIGKILL');
    // The request dies with the server: a network error, never an answer.
    expect(await upload).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    // PostgreSQL rolls the transaction back once it notices the connection is gone.
    while ((await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n > 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await counts()).toEqual(before);

    server = await start();
    token = await adminToken(server.baseUrl);
    const again = await uploadImport(server.baseUrl, token, '/api/imports/weekly-updates', workload.updatesCsv);
    expect(again.status).toBe(201);
    expect((await counts()).weekly_updates).toBe(6000);
    await server.stop();
  }, 300_000);
});
