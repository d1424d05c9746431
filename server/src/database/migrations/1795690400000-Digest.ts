/**
 * The weekly digest: its settings (one row), the digests handed to the outbox (once per person, or
 * broadcast, and ISO week), and when each pilot entered the scale queue, which the digest lists.
 */
import { MigrationInterface, QueryRunner } from "typeorm";

export class Digest1795690400000 implements MigrationInterface {
    name = 'Digest1795690400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "digest_settings" ("id" smallint NOT NULL DEFAULT '1', "enabled" boolean NOT NULL DEFAULT true, "weekday" smallint NOT NULL DEFAULT '1', "hour" smallint NOT NULL DEFAULT '8', "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "digest_settings_hour_range" CHECK (hour BETWEEN 0 AND 23), CONSTRAINT "digest_settings_weekday_range" CHECK (weekday BETWEEN 1 AND 7), CONSTRAINT "digest_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_d3d367fac161e5fdad322e17f70" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "digests_sent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid, "week" character varying(8) NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5d6ac410f69d795c16dc4db32d5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "digests_sent_once_per_broadcast" ON "digests_sent" ("week") WHERE person_id IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "digests_sent_once_per_person" ON "digests_sent" ("person_id", "week") WHERE person_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "pilot_diagnoses" ADD "scale_queue_since" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "digests_sent" ADD CONSTRAINT "FK_4e3ee9e8ec4b4ab905fd943a8e3" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "digest_settings" ("id", "version") VALUES (1, 1)`);
        // Pilots already in the queue: their entry was not recorded, the diagnosis's date stands in for it.
        await queryRunner.query(`UPDATE pilot_diagnoses pd SET scale_queue_since = pd.computed_at
            FROM pilots p
           WHERE p.id = pd.pilot_id AND p.stage = 'piloting'
             AND (pd.action = 'scale'
                  OR pd.readiness_score >= coalesce((SELECT (thresholds->>'scaleReadinessMin')::numeric FROM analysis_settings WHERE id = 1), 70)
                  OR EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open' AND f.kind = 'scale_question_unanswered'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "digests_sent" DROP CONSTRAINT "FK_4e3ee9e8ec4b4ab905fd943a8e3"`);
        await queryRunner.query(`ALTER TABLE "pilot_diagnoses" DROP COLUMN "scale_queue_since"`);
        await queryRunner.query(`DROP INDEX "public"."digests_sent_once_per_person"`);
        await queryRunner.query(`DROP INDEX "public"."digests_sent_once_per_broadcast"`);
        await queryRunner.query(`DROP TABLE "digests_sent"`);
        await queryRunner.query(`DROP TABLE "digest_settings"`);
    }

}
