import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// The contrib entry points ship CommonJS builds but only ESM type declarations, hence require().
/* eslint-disable @typescript-eslint/no-require-imports */
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * PostgreSQL without a server: PGlite (Postgres compiled to WASM) persisted in a folder and served over
 * the wire protocol on loopback, so the app talks to it with the same `pg` driver as in production.
 * PGlite is a single session, so callers must use a pool of one connection.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    readonly dataDir: string | null,
  ) {}

  /** `dataDir` null keeps everything in memory (throwaway tests). */
  static async start(dataDir: string | null): Promise<EmbeddedDatabase> {
    let location: string | undefined;
    if (dataDir) {
      location = resolve(dataDir);
      mkdirSync(location, { recursive: true });
    }
    const db = await PGlite.create(location, { extensions: { pg_trgm, pgcrypto } });
    // Port 0 asks the OS for a free port; the host is loopback only.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
    return new EmbeddedDatabase(db, server, url, location ?? null);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
