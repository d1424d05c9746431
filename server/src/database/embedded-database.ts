import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fillFromTemplate, type TemplateKind } from './embedded-template';
import { DEFAULT_EMBEDDED_SHARED_BUFFERS, EMBEDDED_SHARED_BUFFERS_PATTERN } from './embedded-settings';

/**
 * Extension bundles PGlite unpacks and links at every start. The app calls none of their functions
 * (`gen_random_uuid()` is core PostgreSQL) and its embedded connection does not ask TypeORM to
 * install any, so a data folder opens without them: a quarter of the open's time. Only the in-memory
 * database keeps them: the test suites reach it as a plain URL, and TypeORM creates pgcrypto there
 * after each suite resets the schema, as it does on a real PostgreSQL.
 */
export function extensionsFor(dataDir: string | null): Record<string, Extension> {
  if (dataDir) return {};
  // The contrib entry points ship CommonJS builds but only ESM type declarations, hence require().
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { pg_trgm, pgcrypto };
}

/** The file name PostgreSQL clients look for in a socket folder (`host=<folder>`, default port). */
const SOCKET_NAME = '.s.PGSQL.5432';
/** Linux keeps a unix socket's path in 108 bytes, the terminating NUL included. */
const MAX_SOCKET_PATH_BYTES = 107;
const OWNER_ONLY = 0o700;

/**
 * PostgreSQL without a server: PGlite (Postgres compiled to WASM) persisted in a folder and served over
 * the wire protocol, so the app talks to it with the same `pg` driver as in production. PGlite is a
 * single session, so callers must use a pool of one connection.
 *
 * PGlite accepts any password (pglite-socket has no authentication), so it is served on a unix socket
 * in an owner-only folder (`<DATA_DIR>/run`, mode 0700) and never on a TCP port: only the OS user
 * running the app (and root) can reach it. The data folder itself is made owner-only too, like
 * PostgreSQL's own data directory, so the files cannot be read around the socket.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    /** `pg` connection string: the socket folder as the host. */
    readonly url: string,
    readonly dataDir: string | null,
    /** The owner-only folder that holds the socket. */
    readonly socketDir: string,
    /** Set when the socket folder is a temporary one this instance made and removes at stop. */
    private readonly temporarySocketDir: boolean,
    /** Set when this start found no database and copied one of the build's templates instead of running initdb. */
    readonly filledFrom: TemplateKind | null,
  ) {}

  /**
   * `dataDir` null keeps everything in memory (throwaway tests); the socket then lives in a temporary
   * owner-only folder. `withDemo`: a new data folder may start from the build's demo template.
   */
  static async start(dataDir: string | null, options: { withDemo?: boolean; sharedBuffers?: string } = {}): Promise<EmbeddedDatabase> {
    let location: string | undefined;
    let socketDir: string;
    let temporarySocketDir = false;
    if (dataDir) {
      location = resolve(dataDir);
      mkdirSync(location, { recursive: true, mode: OWNER_ONLY });
      chmodSync(location, OWNER_ONLY);
      socketDir = join(location, 'run');
      if (Buffer.byteLength(join(socketDir, SOCKET_NAME)) > MAX_SOCKET_PATH_BYTES) {
        // Too deep for a socket path: an owner-only temporary folder keeps the same protection.
        socketDir = mkdtempSync(join(tmpdir(), 'liftoff-db-'));
        temporarySocketDir = true;
      }
    } else {
      socketDir = mkdtempSync(join(tmpdir(), 'liftoff-db-'));
      temporarySocketDir = true;
    }
    mkdirSync(socketDir, { recursive: true, mode: OWNER_ONLY });
    chmodSync(socketDir, OWNER_ONLY);
    const socketPath = join(socketDir, SOCKET_NAME);
    let filledFrom: TemplateKind | null = null;
    try {
      await removeStaleSocket(socketPath, location);
      if (location) filledFrom = fillFromTemplate(location, { withDemo: options.withDemo });
      const sharedBuffers = options.sharedBuffers ?? DEFAULT_EMBEDDED_SHARED_BUFFERS;
      if (!EMBEDDED_SHARED_BUFFERS_PATTERN.test(sharedBuffers)) throw new Error(`Not a size for shared buffers: ${sharedBuffers}`);
      const db = await PGlite.create(location, {
        extensions: extensionsFor(location ?? null),
        startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
      });
      const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
      await server.start();
      // The folder already keeps everyone else out; the socket itself is owner-only as well.
      chmodSync(socketPath, 0o600);
      const url = `postgres://postgres@${encodeURIComponent(socketDir)}/postgres`;
      return new EmbeddedDatabase(db, server, url, location ?? null, socketDir, temporarySocketDir, filledFrom);
    } catch (error) {
      if (temporarySocketDir) rmSync(socketDir, { recursive: true, force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.temporarySocketDir) rmSync(this.socketDir, { recursive: true, force: true });
  }
}

/**
 * A socket file left behind by a server that was killed is removed. One that still answers belongs to
 * another running server on the same data folder: PGlite must not open its files twice.
 */
async function removeStaleSocket(socketPath: string, dataDir: string | undefined): Promise<void> {
  if (!existsSync(socketPath)) return;
  const answers = await new Promise<boolean>((done) => {
    const probe = connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
  if (answers) {
    throw new Error(`The embedded database in ${dataDir ?? 'memory'} is already served by another running process (${socketPath}); stop it first`);
  }
  unlinkSync(socketPath);
}
