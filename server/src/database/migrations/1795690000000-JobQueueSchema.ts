/**
 * The job queue's own schema (`pgboss`, issue 13), installed by the schema owner like every other table,
 * so that the app's runtime role needs no DDL right. pg-boss writes its tables itself from its construction
 * plan (one transaction of its own, hence no migration transaction here). Its `create_queue` function then
 * runs as the owner (SECURITY DEFINER, with a fixed search_path): making a queue adds a partition table,
 * which only the owner of `pgboss.job` may attach, and the runtime role can make queues through it without
 * any other DDL right. pg-boss is pinned to 10.x (schema version 24); an upgrade of it adds a migration that
 * runs `PgBoss.getMigrationPlans`.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/** Frozen here: the queue module names the same schema. */
const JOB_QUEUE_SCHEMA = 'pgboss';

export class JobQueueSchema1795690000000 implements MigrationInterface {
  name = 'JobQueueSchema1795690000000';
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ installed }] = await queryRunner.query(`SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS installed`);
    if (!installed) await queryRunner.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
    await queryRunner.query(`ALTER FUNCTION ${JOB_QUEUE_SCHEMA}.create_queue(text, json) SECURITY DEFINER SET search_path = pg_catalog, pg_temp`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${JOB_QUEUE_SCHEMA}.delete_queue(text) FROM PUBLIC`);
    // The queues known now, so a first start (the embedded template included) makes no table: pg-boss's
    // own queue that turns schedules into jobs, and the nightly sweep's.
    await queryRunner.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue('__pgboss__send-it', '{"policy":"standard"}')`);
    await queryRunner.query(`SELECT ${JOB_QUEUE_SCHEMA}.create_queue('portfolio-sweep', '{"policy":"short","retryLimit":3,"retryDelay":60,"retryBackoff":true,"expireInSeconds":7200}')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${JOB_QUEUE_SCHEMA} CASCADE`);
  }
}
