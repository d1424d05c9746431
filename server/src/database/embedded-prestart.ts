import { startEmbeddedDatabase, type EmbeddedDatabaseHandle, type EmbeddedStartOptions } from './embedded-database-thread';
import { DEFAULT_EMBEDDED_SHARED_BUFFERS } from './embedded-settings';

interface Prestarted {
  key: string;
  started: Promise<EmbeddedDatabaseHandle>;
}

let prestarted: Prestarted | null = null;

const keyOf = (dataDir: string | null, options: EmbeddedStartOptions): string => JSON.stringify([dataDir, options.withDemo, options.sharedBuffers]);

/** SEED_DEMO as the config schema reads it; anything else is left for the config check to refuse. */
function seedDemoOf(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return undefined;
}

/**
 * Called by main.ts before the app's code is loaded: when the environment asks for the embedded
 * database, it starts opening on its own thread while the main thread loads Nest and the modules.
 * The app takes it over in DatabaseConnection.open() if its validated config asks for the same
 * folder; otherwise it is stopped and the app opens the one its config names.
 */
export function prestartEmbeddedDatabase(env: NodeJS.ProcessEnv): void {
  if (env.DATABASE_URL) return;
  const dir = env.DATA_DIR || './data';
  const dataDir = dir === ':memory:' ? null : dir;
  const options = { withDemo: seedDemoOf(env.SEED_DEMO) ?? true, sharedBuffers: env.EMBEDDED_SHARED_BUFFERS || DEFAULT_EMBEDDED_SHARED_BUFFERS };
  const started = startEmbeddedDatabase(dataDir, options);
  // The app reports a failure when it takes the database over; until then nothing is unhandled.
  started.catch(() => undefined);
  prestarted = { key: keyOf(dataDir, options), started };
}

/** The database prestarted for this folder and these options, once; null when there is none. */
export async function takePrestartedEmbedded(dataDir: string | null, options: EmbeddedStartOptions): Promise<EmbeddedDatabaseHandle | null> {
  const taken = prestarted;
  prestarted = null;
  if (!taken) return null;
  if (taken.key === keyOf(dataDir, options)) return taken.started;
  // Started for another folder than the validated config names: close it, open the right one.
  await taken.started.then((db) => db.stop(), () => undefined);
  return null;
}
