import { EmbeddedDatabase } from '../../server/src/database/embedded-database';

/**
 * Without DATABASE_URL the suites run on one in-memory embedded PostgreSQL (PGlite), started here in
 * the parent process. PGlite holds a single database, so suites take turns (maxWorkers 1) and each
 * resets the schema first.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const embedded = await EmbeddedDatabase.start(null);
  (globalThis as { __liftoffEmbedded?: EmbeddedDatabase }).__liftoffEmbedded = embedded;
  process.env.LIFTOFF_EMBEDDED_TEST_URL = embedded.url;
}
