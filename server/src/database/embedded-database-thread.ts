import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TemplateKind } from './embedded-template';

/** What the app needs of a running embedded database, wherever it runs. */
export interface EmbeddedDatabaseHandle {
  readonly url: string;
  readonly dataDir: string | null;
  readonly socketDir: string;
  readonly filledFrom: TemplateKind | null;
  stop(): Promise<void>;
}

export interface EmbeddedStartOptions {
  withDemo: boolean;
  sharedBuffers: string;
}

export interface EmbeddedWorkerData extends EmbeddedStartOptions {
  dataDir: string | null;
}

export type EmbeddedWorkerReply =
  | { kind: 'started'; url: string; dataDir: string | null; socketDir: string; filledFrom: TemplateKind | null }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

/** The compiled worker entry; absent when the sources run through ts-node or ts-jest. */
const WORKER_ENTRY = join(__dirname, 'embedded-worker.js');

/**
 * Starts the embedded database on its own thread when the build's worker entry exists, in this thread
 * otherwise. On its own thread, copying the template and opening PGlite (WASM, about half of a cold
 * start) run on the second core while the app's code loads, and afterwards PGlite answers queries
 * without taking turns with the app's own work on the event loop. The app reaches it through the
 * same owner-only socket either way.
 */
export function startEmbeddedDatabase(dataDir: string | null, options: EmbeddedStartOptions): Promise<EmbeddedDatabaseHandle> {
  if (!existsSync(WORKER_ENTRY)) {
    // Loaded here only: the main thread need not load PGlite when the worker holds it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EmbeddedDatabase } = require('./embedded-database') as typeof import('./embedded-database');
    return EmbeddedDatabase.start(dataDir, options);
  }
  return startOnWorker({ dataDir, ...options });
}

function startOnWorker(data: EmbeddedWorkerData): Promise<EmbeddedDatabaseHandle> {
  const worker = new Worker(WORKER_ENTRY, { workerData: data });
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`The embedded database thread ended (exit code ${code}) before it started`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (reply: EmbeddedWorkerReply) => {
      worker.off('exit', onExit);
      worker.off('error', reject);
      if (reply.kind !== 'started') {
        reject(new Error(reply.kind === 'failed' ? reply.message : 'The embedded database thread answered out of turn'));
        return;
      }
      resolve({ url: reply.url, dataDir: reply.dataDir, socketDir: reply.socketDir, filledFrom: reply.filledFrom, stop: () => stopWorker(worker) });
    });
  });
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: EmbeddedWorkerReply) => {
      if (reply.kind === 'failed') reject(new Error(reply.message));
      else resolve();
    });
    worker.once('error', reject);
    // A thread that ended without answering has nothing left to close.
    worker.once('exit', () => resolve());
    worker.postMessage('stop');
  });
}
