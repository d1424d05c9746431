import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const LIMITS = resolve(ROOT, 'server/src/database/connection-limits.ts');

/**
 * The server ends a checked-out connection while no statement runs on it (what a restart of
 * PostgreSQL does to every session): the 'error' event then lands on the client itself, not on a
 * query. In a separate process, since that event used to crash the process (the db-restart suite's
 * server died this way about one run in six): the pool's clients must survive it and the pool must
 * answer again. Needs a real PostgreSQL (PGlite is one session, which no one can terminate).
 */
function runScenario(url: string): Promise<{ code: number | null; output: string }> {
  const script = `
    const { Pool } = require('pg');
    const { poolLimits } = require(${JSON.stringify(LIMITS)});
    (async () => {
      const pool = new Pool({ connectionString: ${JSON.stringify(url)}, max: 3, ...poolLimits({}) });
      pool.on('error', () => undefined); // the app's pools listen while a client is idle (TypeORM, the job queue)
      const held = await pool.connect();
      const other = await pool.connect();
      await other.query('SELECT pg_terminate_backend($1)', [held.processID]);
      other.release();
      await new Promise((r) => setTimeout(r, 500));
      held.release(true);
      const { rows } = await pool.query('SELECT 1 AS ok');
      console.log('answered again: ' + rows[0].ok);
      await pool.end();
    })().catch((error) => { console.log('failed: ' + error.message); process.exit(2); });`;
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: resolve(ROOT, 'test/tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => done({ code, output }));
  });
}

const url = process.env.DATABASE_URL;
(url ? describe : describe.skip)('a connection the server ends between statements', () => {
  it('is noted, not a crash, and the pool answers again', async () => {
    const { code, output } = await runScenario(url!);
    expect(output).toContain('answered again: 1');
    expect(output).toContain('A database connection was lost: terminating connection due to administrator command');
    expect(code).toBe(0);
  }, 60_000);
});
