import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'decision.recorded', 'update.reminder', 'portfolio.digest'`;

/**
 * `import.completed` and `thresholds.changed`: one summary of a change that re-analyses many pilots
 * at once, in place of a message per stuck sign. A channel that took stuck-sign or recommendation news
 * would otherwise stop hearing about those changes, so it gets the summaries too (a changed channel,
 * so its version moves on).
 */
export class SummaryEvents1795690700000 implements MigrationInterface {
  name = 'SummaryEvents1795690700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."notification_event_type" ADD VALUE 'import.completed'`);
    await queryRunner.query(`ALTER TYPE "public"."notification_event_type" ADD VALUE 'thresholds.changed'`);
    await queryRunner.query(`
      UPDATE "notification_channels"
         SET "event_types" = "event_types" || ARRAY['import.completed', 'thresholds.changed']::varchar[], "version" = "version" + 1, "updated_at" = now()
       WHERE "event_types" && ARRAY['stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed']::varchar[]`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "notification_channels" SET "event_types" = array_remove(array_remove("event_types", 'import.completed'), 'thresholds.changed')
       WHERE "event_types" && ARRAY['import.completed', 'thresholds.changed']::varchar[]`);
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "event_type" IN ('import.completed', 'thresholds.changed')`);
    await queryRunner.query(`ALTER TYPE "public"."notification_event_type" RENAME TO "notification_event_type_old"`);
    await queryRunner.query(`CREATE TYPE "public"."notification_event_type" AS ENUM(${BEFORE})`);
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ALTER COLUMN "event_type" TYPE "public"."notification_event_type" USING "event_type"::"text"::"public"."notification_event_type"`,
    );
    await queryRunner.query(`DROP TYPE "public"."notification_event_type_old"`);
  }
}
