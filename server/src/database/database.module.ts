import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseConnection } from './database-connection';
import { runMigrationsWithoutTimeout } from './migrations-runner';
import { RequestCancellation } from './request-cancellation';

@Global()
@Module({
  providers: [
    {
      provide: DatabaseConnection,
      inject: [ConfigService, ModuleRef],
      useFactory: async (config: ConfigService<AppConfig, true>, moduleRef: ModuleRef) => {
        const connection = new DatabaseConnection(config, moduleRef);
        await connection.open();
        return connection;
      },
    },
  ],
  exports: [DatabaseConnection],
})
class DatabaseConnectionModule {}

/** TypeORM over the chosen PostgreSQL; pending migrations run at start. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseConnectionModule],
      inject: [DatabaseConnection, ConfigService],
      useFactory: (connection: DatabaseConnection, config: ConfigService<AppConfig, true>) => ({
        ...buildDataSourceOptions(connection.url, connection.poolSize, {
          statementTimeoutMs: connection.isEmbedded ? 0 : config.get('DB_STATEMENT_TIMEOUT_MS', { infer: true }),
          jitOff: !connection.isEmbedded,
          embedded: connection.isEmbedded,
          prepareStatements: !connection.isEmbedded && config.get('DB_PREPARED_STATEMENTS', { infer: true }),
        }),
        // The embedded database opens without extension bundles (see embedded-database.ts).
        installExtensions: !connection.isEmbedded,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        try {
          await runMigrationsWithoutTimeout(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
  providers: [RequestCancellation],
  exports: [RequestCancellation],
})
export class DatabaseModule {}
