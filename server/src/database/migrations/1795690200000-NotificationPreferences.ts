/** Each person's email choice per event type, and the key unsubscribe links are signed with. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationPreferences1795690200000 implements MigrationInterface {
    name = 'NotificationPreferences1795690200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."notification_event_type" AS ENUM('update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'decision.recorded', 'update.reminder', 'portfolio.digest')`);
        await queryRunner.query(`CREATE TABLE "notification_preferences" ("person_id" uuid NOT NULL, "event_type" "public"."notification_event_type" NOT NULL, "email" boolean NOT NULL, CONSTRAINT "PK_notification_preferences" PRIMARY KEY ("person_id", "event_type"))`);
        await queryRunner.query(`CREATE TABLE "notification_keys" ("id" smallint NOT NULL, "secret" character varying(128) NOT NULL, CONSTRAINT "PK_notification_keys" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_notification_preferences_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_notification_preferences_person"`);
        await queryRunner.query(`DROP TABLE "notification_keys"`);
        await queryRunner.query(`DROP TABLE "notification_preferences"`);
        await queryRunner.query(`DROP TYPE "public"."notification_event_type"`);
    }

}
