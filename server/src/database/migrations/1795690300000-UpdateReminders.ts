/** Weekly-update reminders: their settings (one row) and every reminder or escalation sent, once per person, week, level and step. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class UpdateReminders1795690300000 implements MigrationInterface {
    name = 'UpdateReminders1795690300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "reminder_settings" ("id" smallint NOT NULL DEFAULT '1', "enabled" boolean NOT NULL DEFAULT true, "weekday" smallint NOT NULL DEFAULT '4', "hour" smallint NOT NULL DEFAULT '10', "sponsor_grace_days" smallint NOT NULL DEFAULT '2', "office_grace_days" smallint NOT NULL DEFAULT '2', "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminder_settings_ranges" CHECK (weekday BETWEEN 1 AND 7 AND hour BETWEEN 0 AND 23 AND sponsor_grace_days BETWEEN 1 AND 14 AND office_grace_days BETWEEN 1 AND 14), CONSTRAINT "reminder_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_8967b53d42011ef8628dc889979" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."reminder_level" AS ENUM('lead', 'sponsor', 'program_office')`);
        await queryRunner.query(`CREATE TABLE "reminders_sent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "week" character varying(8) NOT NULL, "level" "public"."reminder_level" NOT NULL, "step" smallint NOT NULL DEFAULT '0', "pilot_ids" uuid array NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "reminders_sent_once" UNIQUE ("person_id", "week", "level", "step"), CONSTRAINT "PK_7e23c9391bfce15362ed605813c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_dc67aebf1a3f6bbfd98981eb81" ON "reminders_sent" ("level", "sent_at") `);
        await queryRunner.query(`ALTER TABLE "reminders_sent" ADD CONSTRAINT "FK_6d9d5b248dd1a67a77a54da7bca" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "reminder_settings" ("id", "version") VALUES (1, 1)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reminders_sent" DROP CONSTRAINT "FK_6d9d5b248dd1a67a77a54da7bca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dc67aebf1a3f6bbfd98981eb81"`);
        await queryRunner.query(`DROP TABLE "reminders_sent"`);
        await queryRunner.query(`DROP TYPE "public"."reminder_level"`);
        await queryRunner.query(`DROP TABLE "reminder_settings"`);
    }

}
