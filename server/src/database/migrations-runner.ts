import { DataSource, MigrationExecutor } from 'typeorm';

/**
 * Pending migrations, on one connection with the statement timeout lifted: a schema change on a big
 * table may take longer than any request should, and it runs before the app serves anything.
 */
export async function runMigrationsWithoutTimeout(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
    await runner.query('RESET statement_timeout');
  } finally {
    await runner.release();
  }
}
