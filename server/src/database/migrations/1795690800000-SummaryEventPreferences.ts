import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whoever chose stuck-sign or recommendation news by email gets the summaries of imports and threshold
 * changes by email too (a migration of its own: a new enum value can be used only after the
 * transaction that added it).
 */
export class SummaryEventPreferences1795690800000 implements MigrationInterface {
  name = 'SummaryEventPreferences1795690800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "notification_preferences" ("person_id", "event_type", "email")
      SELECT DISTINCT p."person_id", summary."type"::"public"."notification_event_type", true
        FROM "notification_preferences" p
       CROSS JOIN (VALUES ('import.completed'), ('thresholds.changed')) AS summary("type")
       WHERE p."email" AND p."event_type" IN ('stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed')
      ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification_preferences" WHERE "event_type" IN ('import.completed', 'thresholds.changed')`);
  }
}
