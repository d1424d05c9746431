import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The readiness breakdown stored with each diagnosis, so the pilot page's diagnosis call reads it
 * rather than loading the pilot's history and analysing it again (issue 11). Diagnoses stored before
 * get it at the next sweep or write that re-analyses the pilot; until then the call analyses them.
 */
export class StoredReadiness1795680500000 implements MigrationInterface {
  name = 'StoredReadiness1795680500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" ADD "readiness" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" DROP COLUMN "readiness"`);
  }
}
