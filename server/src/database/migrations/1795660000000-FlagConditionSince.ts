import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a flag's condition began by the pilot's history (`SignalResult.since`), beside `opened_at`
 * (when a run first saw it). Existing flags get it on the next sweep or write that refreshes them.
 */
export class FlagConditionSince1795660000000 implements MigrationInterface {
  name = 'FlagConditionSince1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signal_flags" ADD "condition_since" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signal_flags" DROP COLUMN "condition_since"`);
  }
}
