import 'reflect-metadata';
import { prestartEmbeddedDatabase } from './database/embedded-prestart';

// Before the rest of the code loads (about a second): the embedded database opens on its own thread meanwhile.
prestartEmbeddedDatabase(process.env);

// Required only now, so that loading it overlaps the database's start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bootstrap } = require('./bootstrap') as typeof import('./bootstrap');

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
