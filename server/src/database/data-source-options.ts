import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from '../common/snake-naming.strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';

/** Connection options used by the app, the CLI, the seed and the tests alike; `synchronize` is never on. */
export function buildDataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    subscribers: [AuditSubscriber],
    uuidExtension: 'pgcrypto',
    poolSize,
    extra: { max: poolSize, application_name: 'liftoff' },
    logging: ['error', 'warn'],
  };
}
