import 'reflect-metadata';
import cluster from 'node:cluster';
import { prestartEmbeddedDatabase } from './database/embedded-prestart';
import { requestedWorkers, runServerWorkers } from './server-workers';

const workers = requestedWorkers(process.env);
if (cluster.isPrimary && workers > 1) {
  if (!process.env.DATABASE_URL) {
    console.error('SERVER_WORKERS above 1 needs DATABASE_URL: the embedded database belongs to one process');
    process.exit(1);
  }
  runServerWorkers(workers);
} else {
  // Before the rest of the code loads (about a second): the embedded database opens on its own thread meanwhile.
  prestartEmbeddedDatabase(process.env);

  // Required only now, so that loading it overlaps the database's start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bootstrap } = require('./bootstrap') as typeof import('./bootstrap');

  bootstrap().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
