import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { startEmbeddedDatabase, type EmbeddedDatabaseHandle } from './embedded-database-thread';
import { takePrestartedEmbedded } from './embedded-prestart';
import type { TemplateKind } from './embedded-template';
import { demoSeedPlan } from './seed/demo-seed-plan';

const FILLED_NOTE: Record<TemplateKind | 'none', string> = {
  none: '',
  schema: " (new data folder, copied from the build's template)",
  demo: " (new data folder, copied from the build's template with today's demo already seeded)",
};

/**
 * Decides where the data lives: the PostgreSQL named by DATABASE_URL, or else an embedded PGlite
 * persisted under DATA_DIR. Owns the embedded database's lifetime.
 */
export class DatabaseConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseConnection.name);
  private embedded: EmbeddedDatabaseHandle | null = null;
  url = '';

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly moduleRef: ModuleRef,
  ) {}

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  /** PGlite is a single session, so the embedded mode gets a pool of exactly one connection. */
  get poolSize(): number {
    return this.isEmbedded ? 1 : this.config.get('DB_POOL_SIZE', { infer: true });
  }

  async open(): Promise<void> {
    const external = this.config.get('DATABASE_URL', { infer: true });
    if (external) {
      this.url = external;
      return;
    }
    const dataDir = this.config.get('DATA_DIR', { infer: true });
    // A new data folder that is to hold the demo may start from the build's seeded demo template.
    const withDemo = demoSeedPlan(this.config.get('SEED_DEMO', { infer: true }), true).seed;
    const location = dataDir === ':memory:' ? null : dataDir;
    const options = { withDemo, sharedBuffers: this.config.get('EMBEDDED_SHARED_BUFFERS', { infer: true }) };
    this.embedded = (await takePrestartedEmbedded(location, options)) ?? (await startEmbeddedDatabase(location, options));
    this.url = this.embedded.url;
    this.logger.log(`Embedded PostgreSQL (PGlite) in ${this.embedded.dataDir ?? 'memory'}, served on an owner-only unix socket in ${this.embedded.socketDir}${FILLED_NOTE[this.embedded.filledFrom ?? 'none']}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    // Close the pool before the embedded server goes, so no connection is cut mid-query.
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
    this.embedded = null;
  }
}
