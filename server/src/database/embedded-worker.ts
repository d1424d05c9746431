import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedDatabase } from './embedded-database';
import type { EmbeddedWorkerData, EmbeddedWorkerReply } from './embedded-database-thread';

/**
 * Entry of the thread that holds the embedded database (see embedded-database-thread.ts): it copies
 * the template, opens PGlite, serves it on the owner-only socket, and closes it when asked.
 */
async function run(port: NonNullable<typeof parentPort>, data: EmbeddedWorkerData): Promise<void> {
  let db: EmbeddedDatabase;
  try {
    db = await EmbeddedDatabase.start(data.dataDir, { withDemo: data.withDemo, sharedBuffers: data.sharedBuffers });
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies EmbeddedWorkerReply);
    port.close();
    return;
  }
  port.postMessage({ kind: 'started', url: db.url, dataDir: db.dataDir, socketDir: db.socketDir, filledFrom: db.filledFrom } satisfies EmbeddedWorkerReply);
  port.once('message', () => {
    db.stop().then(
      () => port.postMessage({ kind: 'stopped' } satisfies EmbeddedWorkerReply),
      (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies EmbeddedWorkerReply),
    ).finally(() => port.close());
  });
}

if (parentPort) void run(parentPort, workerData as EmbeddedWorkerData);
