import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index on weekly_updates(week_start) also holds week and health, so the portfolio's health over
 * time (a year of updates counted by week and health) reads the index alone instead of the table's
 * pages. It replaces the old index: writes keep one index to maintain, not two.
 */
export class HealthCountIndex1795680600000 implements MigrationInterface {
  name = 'HealthCountIndex1795680600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_437b72b6413bdf7ff390c9870a"`);
    await queryRunner.query(`CREATE INDEX "IDX_c659b8db8cab8fa303d6b71285" ON "weekly_updates" ("week_start", "week", "health") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c659b8db8cab8fa303d6b71285"`);
    await queryRunner.query(`CREATE INDEX "IDX_437b72b6413bdf7ff390c9870a" ON "weekly_updates" ("week_start") `);
  }
}
