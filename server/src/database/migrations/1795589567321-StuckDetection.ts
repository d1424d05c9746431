import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stuck detection: flags with a lifecycle, stored diagnoses, readiness assessments, tunable thresholds. */

export class StuckDetection1795589567321 implements MigrationInterface {
    name = 'StuckDetection1795589567321'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."signal_kind" AS ENUM('repeated_blocker', 'stalled_stage', 'silent', 'confidence_decline', 'off_track_streak', 'scale_question_unanswered', 'resources_redirected', 'over_timeline')`);
        await queryRunner.query(`CREATE TYPE "public"."flag_status" AS ENUM('open', 'resolved')`);
        await queryRunner.query(`CREATE TABLE "signal_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "kind" "public"."signal_kind" NOT NULL, "subject_key" character varying(80) NOT NULL DEFAULT '', "status" "public"."flag_status" NOT NULL DEFAULT 'open', "summary" text NOT NULL, "evidence" jsonb NOT NULL DEFAULT '{}', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8cdd334d62fdae6ce100e90fd40" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6a5415d2108ee135e964b4cc10" ON "signal_flags" ("pilot_id", "opened_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_816836982d1c6d954fbf635c12" ON "signal_flags" ("status", "kind") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "signal_flags_one_open" ON "signal_flags" ("pilot_id", "kind", "subject_key") WHERE status = 'open'`);
        await queryRunner.query(`CREATE TYPE "public"."recommendation_action" AS ENUM('scale', 'pivot', 'kill', 'keep_piloting')`);
        await queryRunner.query(`CREATE TABLE "pilot_diagnoses" ("pilot_id" uuid NOT NULL, "action" "public"."recommendation_action" NOT NULL, "readiness_score" smallint NOT NULL, "recommendation" jsonb NOT NULL, "patterns" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5034b0dd390c1b47744a177f125" PRIMARY KEY ("pilot_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_7c509909ee4206bebd91cfc4e3" ON "pilot_diagnoses" ("action", "readiness_score") `);
        await queryRunner.query(`CREATE TABLE "readiness_assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assessed_by_id" uuid, "answers" jsonb NOT NULL, CONSTRAINT "PK_b810209c85179a9193017f90463" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_166048ca40dfccd42b320d3245" ON "readiness_assessments" ("pilot_id", "assessed_at") `);
        await queryRunner.query(`CREATE TABLE "analysis_settings" ("id" smallint NOT NULL DEFAULT '1', "thresholds" jsonb NOT NULL DEFAULT '{}', "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "analysis_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_0768a9b2033922e8fde5a2fddb2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`INSERT INTO "analysis_settings" ("id", "thresholds", "version") VALUES (1, '{}', 1)`);
        await queryRunner.query(`ALTER TABLE "signal_flags" ADD CONSTRAINT "FK_2beb93565336c794cceaaa77a97" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pilot_diagnoses" ADD CONSTRAINT "FK_5034b0dd390c1b47744a177f125" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "readiness_assessments" ADD CONSTRAINT "FK_855ea3fffea40beaa26d77d92ec" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "readiness_assessments" ADD CONSTRAINT "FK_5fe0bedbc5f0319c694e56b8963" FOREIGN KEY ("assessed_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "readiness_assessments" DROP CONSTRAINT "FK_5fe0bedbc5f0319c694e56b8963"`);
        await queryRunner.query(`ALTER TABLE "readiness_assessments" DROP CONSTRAINT "FK_855ea3fffea40beaa26d77d92ec"`);
        await queryRunner.query(`ALTER TABLE "pilot_diagnoses" DROP CONSTRAINT "FK_5034b0dd390c1b47744a177f125"`);
        await queryRunner.query(`ALTER TABLE "signal_flags" DROP CONSTRAINT "FK_2beb93565336c794cceaaa77a97"`);
        await queryRunner.query(`DROP TABLE "analysis_settings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_166048ca40dfccd42b320d3245"`);
        await queryRunner.query(`DROP TABLE "readiness_assessments"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7c509909ee4206bebd91cfc4e3"`);
        await queryRunner.query(`DROP TABLE "pilot_diagnoses"`);
        await queryRunner.query(`DROP TYPE "public"."recommendation_action"`);
        await queryRunner.query(`DROP INDEX "public"."signal_flags_one_open"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_816836982d1c6d954fbf635c12"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6a5415d2108ee135e964b4cc10"`);
        await queryRunner.query(`DROP TABLE "signal_flags"`);
        await queryRunner.query(`DROP TYPE "public"."flag_status"`);
        await queryRunner.query(`DROP TYPE "public"."signal_kind"`);
    }

}
