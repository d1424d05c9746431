import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in rate limit's counts move from each process's memory into the database, so every worker and
 * instance shares one count per client (`DatabaseThrottlerStorage`). Nothing to carry over: counts last a minute.
 */
export class AttemptWindows1795690900000 implements MigrationInterface {
  name = 'AttemptWindows1795690900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attempt_windows" ("key" character varying(128) NOT NULL, "hits" integer NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f2f5bab20d0284a1d0fd06dcad7" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_33bdc1c33014b7f3fe85ff65ef" ON "attempt_windows" ("ends_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_33bdc1c33014b7f3fe85ff65ef"`);
    await queryRunner.query(`DROP TABLE "attempt_windows"`);
  }
}
