import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SERVER_ENTRY, startServer, stopAllServers } from '../support/server-process';

const run = promisify(execFile);

/** TCP ports a process listens on, read from /proc (its socket inodes matched against the kernel's tables). */
function listeningTcpPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined; // closed meanwhile
        }
      })
      .filter((inode): inode is string => inode !== undefined),
  );
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols: sl local_address rem_address st … inode; st 0A = LISTEN
      if (cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9])) ports.push(parseInt(cols[1].split(':')[1], 16));
    }
  }
  return ports.sort();
}

/**
 * The built EmbeddedDatabase alone in a child process (PGlite cannot load inside a jest worker): it
 * prints where it serves and stops when its stdin closes.
 */
interface EmbeddedChild {
  process: ChildProcess;
  url: string;
  socketDir: string;
  stop(): Promise<void>;
}
async function startEmbeddedChild(dataDir: string | null): Promise<EmbeddedChild> {
  const entry = join(SERVER_ENTRY, '../database/embedded-database.js');
  const script = `
    const { EmbeddedDatabase } = require(${JSON.stringify(entry)});
    EmbeddedDatabase.start(process.argv[1] === ':memory:' ? null : process.argv[1]).then((db) => {
      console.log(JSON.stringify({ url: db.url, socketDir: db.socketDir }));
      process.stdin.resume();
      process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
    }, (error) => { console.error(error.message); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, dataDir ?? ':memory:'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const started = await new Promise<{ url: string; socketDir: string }>((done, fail) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) done(JSON.parse(out.split('\n')[0]));
    });
    void exited.then((code) => fail(new Error(`embedded database exited (${code}): ${err}`)));
  });
  return {
    process: child,
    ...started,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** psql against the embedded database's socket folder, optionally as another OS user. */
async function psql(socketDir: string, asNobody: boolean): Promise<{ ok: boolean; output: string }> {
  const args = ['-h', socketDir, '-U', 'postgres', '-d', 'postgres', '-Atc', 'SELECT count(*) FROM pg_class'];
  const [command, commandArgs] = asNobody ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'psql', ...args]] : ['psql', args];
  try {
    const { stdout, stderr } = await run(command, commandArgs, { timeout: 20_000, env: { ...process.env, PGCONNECT_TIMEOUT: '5' } });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}${failure.message}` };
  }
}

/** A cold PGlite start (initdb in WASM) takes 5 s on a quiet machine and 30 s or more on a busy one. */
const COLD_START_TIMEOUT_MS = 180_000;

// Switching to another OS user needs root; CI runs as root.
const asRoot = process.getuid?.() === 0;

/**
 * The embedded database has no password (PGlite accepts any), so only the OS user running the app may
 * reach it: it is served on a unix socket in an owner-only folder, never on a TCP port.
 */
describe('embedded database access control', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-access-'));
  afterAll(async () => {
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the running app listens on its HTTP port only; the database is a socket in an owner-only folder that another OS user cannot open', async () => {
    const server = await startServer({ DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: 'false' });
    const health = await (await fetch(`${server.baseUrl}/api/health/ready`)).json();
    expect(health).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect(listeningTcpPorts(server.process.pid!)).toEqual([Number(new URL(server.baseUrl).port)]);

    const socketDir = join(dataDir, 'run');
    expect(mode(dataDir)).toBe('700');
    expect(mode(socketDir)).toBe('700');
    expect(statSync(join(socketDir, '.s.PGSQL.5432')).isSocket()).toBe(true);
    expect(mode(join(socketDir, '.s.PGSQL.5432'))).toBe('600');

    // The owner can connect through the socket (so psql and the path are right) ...
    const owner = await psql(socketDir, false);
    expect(owner).toMatchObject({ ok: true });
    expect(parseInt(owner.output, 10)).toBeGreaterThan(0);
    if (asRoot) {
      // ... another user can run psql at all ...
      expect((await run('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'psql', '--version'])).stdout).toMatch(/psql/);
      // ... but neither reach the socket nor read the files around it.
      const other = await psql(socketDir, true);
      expect(other.ok).toBe(false);
      expect(other.output).toMatch(/Permission denied/);
      await expect(run('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'cat', join(dataDir, 'PG_VERSION')])).rejects.toThrow(/Permission denied/);
    } else {
      console.warn('embedded-access: not root, so the other-user checks were skipped');
    }
    expect(await server.stop()).toBe(0);
    // A graceful stop leaves no socket behind.
    expect(existsSync(join(socketDir, '.s.PGSQL.5432'))).toBe(false);
  }, COLD_START_TIMEOUT_MS);

  it('in memory (the test setup), the socket lives in an owner-only temporary folder, removed at stop', async () => {
    const embedded = await startEmbeddedChild(null);
    try {
      expect(listeningTcpPorts(embedded.process.pid!)).toEqual([]);
      expect(embedded.url).toBe(`postgres://postgres@${encodeURIComponent(embedded.socketDir)}/postgres`);
      expect(mode(embedded.socketDir)).toBe('700');
      expect((await psql(embedded.socketDir, false)).ok).toBe(true);
      if (asRoot) expect((await psql(embedded.socketDir, true)).output).toMatch(/Permission denied/);
    } finally {
      await embedded.stop();
    }
    expect(existsSync(embedded.socketDir)).toBe(false);
  }, COLD_START_TIMEOUT_MS);

  it('removes the socket a killed server left behind, but refuses a data folder another process still serves', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liftoff-stale-'));
    try {
      // What kill -9 leaves: a socket file nobody listens on (a plain file stands in for it).
      mkdirSync(join(folder, 'run'), { mode: 0o700 });
      writeFileSync(join(folder, 'run', '.s.PGSQL.5432'), '');
      const first = await startEmbeddedChild(folder);
      try {
        expect(statSync(join(folder, 'run', '.s.PGSQL.5432')).isSocket()).toBe(true);
        await expect(startEmbeddedChild(folder)).rejects.toThrow(/already served by another running process/);
      } finally {
        await first.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 2 * COLD_START_TIMEOUT_MS);
});
