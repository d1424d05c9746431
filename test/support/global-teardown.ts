import type { EmbeddedDatabase } from '../../server/src/database/embedded-database';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __liftoffEmbedded?: EmbeddedDatabase };
  await holder.__liftoffEmbedded?.stop();
  holder.__liftoffEmbedded = undefined;
}
