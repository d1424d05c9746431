import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { SnakeNamingStrategy } from '../common/snake-naming.strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { poolLimits, type ConnectionLimits } from './connection-limits';

/**
 * Connection options used by the app, the CLI, the seed and the tests alike; `synchronize` is never on.
 * `limits` (the running app only): fail fast while the database is unreachable, bound each statement.
 */
export function buildDataSourceOptions(url: string, poolSize: number, limits?: ConnectionLimits): PostgresConnectionOptions {
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
    extra: { max: poolSize, application_name: 'liftoff', ...(limits ? poolLimits(limits) : {}) },
    logging: ['error', 'warn'],
  };
}
