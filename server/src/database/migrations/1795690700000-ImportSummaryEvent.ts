import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'decision.recorded', 'update.reminder', 'portfolio.digest'`;

/**
 * `import.completed`: one summary per spreadsheet import in place of a message per stuck sign. A channel
 * that took stuck-sign or recommendation news would otherwise stop hearing about imports, so it
 * gets the summary too (a changed channel, so its version moves on).
 */
export class ImportSummaryEvent1795690700000 implements MigrationInterface {
  name = 'ImportSummaryEvent1795690700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_event_type" ADD VALUE 'import.completed'`);
    await queryRunner.query(`
      UPDATE "notification_channels"
         SET "event_types" = array_append("event_types", 'import.completed'), "version" = "version" + 1, "updated_at" = now()
       WHERE "event_types" && ARRAY['stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed']::varchar[]
         AND NOT 'import.completed' = ANY("event_types")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "notification_channels" SET "event_types" = array_remove("event_types", 'import.completed') WHERE 'import.completed' = ANY("event_types")`);
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "event_type" = 'import.completed'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_event_type" RENAME TO "notification_event_type_old"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_event_type" AS ENUM(${BEFORE})`);
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ALTER COLUMN "event_type" TYPE "public"."notification_event_type" USING "event_type"::"text"::"public"."notification_event_type"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_event_type_old"`);
  }
}
