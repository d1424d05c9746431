import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config.schema';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseConnection } from './database-connection';

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
      inject: [DatabaseConnection],
      useFactory: (connection: DatabaseConnection) => ({
        ...buildDataSourceOptions(connection.url, connection.poolSize),
        migrationsRun: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
