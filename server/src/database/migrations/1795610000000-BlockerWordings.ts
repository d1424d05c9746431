import { MigrationInterface, QueryRunner } from 'typeorm';

/**
* Every wording a blocker was reported in, one row per update's mention. Existing mentions get the
* register's text: how their leads typed them was not kept before.
*/
export class BlockerWordings1795610000000 implements MigrationInterface {
  name = 'BlockerWordings1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "blocker_wordings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "blocker_id" uuid NOT NULL, "update_id" uuid, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d020228313feb60de6ae889250a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_374654ad4082cd88a2db7a25b2" ON "blocker_wordings" ("update_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bcb1490b269799859bb064c349" ON "blocker_wordings" ("blocker_id") `);
    await queryRunner.query(`ALTER TABLE "blocker_wordings" ADD CONSTRAINT "FK_bcb1490b269799859bb064c3491" FOREIGN KEY ("blocker_id") REFERENCES "blockers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "blocker_wordings" ADD CONSTRAINT "FK_374654ad4082cd88a2db7a25b29" FOREIGN KEY ("update_id") REFERENCES "weekly_updates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `INSERT INTO "blocker_wordings" ("blocker_id", "update_id", "text") SELECT ub."blocker_id", ub."update_id", b."text" FROM "update_blockers" ub JOIN "blockers" b ON b."id" = ub."blocker_id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "blocker_wordings" DROP CONSTRAINT "FK_374654ad4082cd88a2db7a25b29"`);
    await queryRunner.query(`ALTER TABLE "blocker_wordings" DROP CONSTRAINT "FK_bcb1490b269799859bb064c3491"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bcb1490b269799859bb064c349"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_374654ad4082cd88a2db7a25b2"`);
    await queryRunner.query(`DROP TABLE "blocker_wordings"`);
  }
}
