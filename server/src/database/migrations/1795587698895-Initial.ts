import { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation schema: units, people, pilots with stage history, KPIs, weekly updates and the blocker register. */

export class Initial1795587698895 implements MigrationInterface {
    name = 'Initial1795587698895'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "business_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_63cab0bc334669b585debb709f7" UNIQUE ("name"), CONSTRAINT "PK_685f717d6fba03f34e19aa51b9d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."person_role" AS ENUM('program_office', 'pilot_lead', 'executive', 'viewer')`);
        await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(160) NOT NULL, "email" character varying(254) NOT NULL, "role" "public"."person_role" NOT NULL, "business_unit_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "people_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b15267e9c9d91a7862f4211011" ON "people" ("business_unit_id") `);
        await queryRunner.query(`CREATE TYPE "public"."use_case_category" AS ENUM('customer_service', 'document_processing', 'forecasting', 'knowledge_search', 'code_assist', 'fraud_detection', 'marketing_content', 'process_automation', 'other')`);
        await queryRunner.query(`CREATE TYPE "public"."pilot_stage" AS ENUM('proposed', 'piloting', 'scaling', 'production', 'paused', 'pivoted', 'killed')`);
        await queryRunner.query(`CREATE TYPE "public"."pilot_complexity" AS ENUM('best', 'typical', 'complex')`);
        await queryRunner.query(`CREATE TABLE "pilots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "summary" text NOT NULL DEFAULT '', "business_unit_id" uuid NOT NULL, "use_case_category" "public"."use_case_category" NOT NULL, "lead_id" uuid NOT NULL, "sponsor_id" uuid, "stage" "public"."pilot_stage" NOT NULL, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "start_date" date NOT NULL, "target_production_date" date, "complexity" "public"."pilot_complexity" NOT NULL, "integration_systems" text array NOT NULL DEFAULT '{}', "annual_value_at_scale" numeric(14,2) NOT NULL DEFAULT '0', "cost_to_date" numeric(14,2) NOT NULL DEFAULT '0', "cost_to_scale" numeric(14,2) NOT NULL DEFAULT '0', "pivoted_from_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pilots_target_after_start" CHECK (target_production_date IS NULL OR target_production_date >= start_date), CONSTRAINT "pilots_money_not_negative" CHECK (annual_value_at_scale >= 0 AND cost_to_date >= 0 AND cost_to_scale >= 0), CONSTRAINT "PK_02136c571ecc943394289942ac2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c6d1700e9fa87292a92f27fc3a" ON "pilots" ("lead_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e1187fe00a2a4c0f17aea0db41" ON "pilots" ("sponsor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_fe3129980ebeee80fc1e4785ac" ON "pilots" ("stage") `);
        await queryRunner.query(`CREATE INDEX "IDX_7c1ebda5750c4c4038368752f4" ON "pilots" ("business_unit_id", "stage") `);
        await queryRunner.query(`CREATE TABLE "stage_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "from_stage" "public"."pilot_stage", "to_stage" "public"."pilot_stage" NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by_id" uuid, "note" text, CONSTRAINT "PK_52f8926aef64cff4aebe3c96955" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_299ee0e032d57de8e6d28f3ed6" ON "stage_changes" ("pilot_id", "changed_at") `);
        await queryRunner.query(`CREATE TYPE "public"."kpi_direction" AS ENUM('higher_is_better', 'lower_is_better')`);
        await queryRunner.query(`CREATE TABLE "kpis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "name" character varying(160) NOT NULL, "unit" character varying(40) NOT NULL, "baseline" numeric(18,4), "target" numeric(18,4), "direction" "public"."kpi_direction" NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_96cc541107cdc102a50e2b0ac90" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0e2a24b064ef3f42993e6dffed" ON "kpis" ("pilot_id", "name") `);
        await queryRunner.query(`CREATE TYPE "public"."blocker_category" AS ENUM('sponsorship', 'integration', 'security_compliance', 'adoption', 'workflow', 'data', 'metrics', 'budget', 'other')`);
        await queryRunner.query(`CREATE TYPE "public"."blocker_status" AS ENUM('open', 'resolved')`);
        await queryRunner.query(`CREATE TABLE "blockers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "text" text NOT NULL, "category" "public"."blocker_category" NOT NULL, "status" "public"."blocker_status" NOT NULL DEFAULT 'open', "first_seen_week" character varying(8) NOT NULL, "last_seen_week" character varying(8) NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5abfc8d3d95a3937310ae00c43" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a36d517e8feeba70bc907edbde" ON "blockers" ("pilot_id", "status") `);
        await queryRunner.query(`CREATE TABLE "kpi_readings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "update_id" uuid NOT NULL, "kpi_id" uuid NOT NULL, "value" numeric(18,4) NOT NULL, CONSTRAINT "kpi_readings_update_kpi" UNIQUE ("update_id", "kpi_id"), CONSTRAINT "PK_d42bb9fd4fa986620791870368c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e6f01e71ed4be88609dfcfa530" ON "kpi_readings" ("kpi_id") `);
        await queryRunner.query(`CREATE TYPE "public"."update_health" AS ENUM('on_track', 'at_risk', 'off_track')`);
        await queryRunner.query(`CREATE TABLE "weekly_updates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "week" character varying(8) NOT NULL, "week_start" date NOT NULL, "author_id" uuid NOT NULL, "health" "public"."update_health" NOT NULL, "summary" text NOT NULL, "confidence" smallint NOT NULL, "active_users" integer NOT NULL, "active_users_outside_team" integer NOT NULL, "scale_question_asked" boolean NOT NULL DEFAULT false, "resources_redirected" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "weekly_updates_pilot_week" UNIQUE ("pilot_id", "week"), CONSTRAINT "weekly_updates_week_format" CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'), CONSTRAINT "weekly_updates_outside_within_active" CHECK (active_users_outside_team <= active_users), CONSTRAINT "weekly_updates_users_not_negative" CHECK (active_users >= 0 AND active_users_outside_team >= 0), CONSTRAINT "weekly_updates_confidence_range" CHECK (confidence BETWEEN 1 AND 5), CONSTRAINT "PK_6d00a0e5ce4706b87a8133b2b73" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_437b72b6413bdf7ff390c9870a" ON "weekly_updates" ("week_start") `);
        await queryRunner.query(`CREATE TABLE "update_blockers" ("update_id" uuid NOT NULL, "blocker_id" uuid NOT NULL, CONSTRAINT "PK_7a0cfcf79843b87690518a28b88" PRIMARY KEY ("update_id", "blocker_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8a6060d790a7bd67f7065a5b4e" ON "update_blockers" ("update_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_85d7efa52a52e0d437d8f3e9df" ON "update_blockers" ("blocker_id") `);
        await queryRunner.query(`ALTER TABLE "people" ADD CONSTRAINT "FK_b15267e9c9d91a7862f4211011e" FOREIGN KEY ("business_unit_id") REFERENCES "business_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pilots" ADD CONSTRAINT "FK_01e282d7f559ba78a734425a1d4" FOREIGN KEY ("business_unit_id") REFERENCES "business_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pilots" ADD CONSTRAINT "FK_c6d1700e9fa87292a92f27fc3af" FOREIGN KEY ("lead_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pilots" ADD CONSTRAINT "FK_e1187fe00a2a4c0f17aea0db411" FOREIGN KEY ("sponsor_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pilots" ADD CONSTRAINT "FK_0e933aa1b9332818340c3e72bd2" FOREIGN KEY ("pivoted_from_id") REFERENCES "pilots"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stage_changes" ADD CONSTRAINT "FK_2edc794d0e59571fa74f049f67d" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "stage_changes" ADD CONSTRAINT "FK_d8148bbe8ad5e61d5382cf68915" FOREIGN KEY ("changed_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kpis" ADD CONSTRAINT "FK_9e6adbdb22221095df30af878d0" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "blockers" ADD CONSTRAINT "FK_1104702b10f6897d14b209f1c50" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kpi_readings" ADD CONSTRAINT "FK_22499c01147f1182b3daed932aa" FOREIGN KEY ("update_id") REFERENCES "weekly_updates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "kpi_readings" ADD CONSTRAINT "FK_e6f01e71ed4be88609dfcfa5307" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "weekly_updates" ADD CONSTRAINT "FK_366cacfe2e65e0a61e9c14e9d5e" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "weekly_updates" ADD CONSTRAINT "FK_3591d1f8342e0f941116d026d8e" FOREIGN KEY ("author_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "update_blockers" ADD CONSTRAINT "FK_8a6060d790a7bd67f7065a5b4e7" FOREIGN KEY ("update_id") REFERENCES "weekly_updates"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "update_blockers" ADD CONSTRAINT "FK_85d7efa52a52e0d437d8f3e9dff" FOREIGN KEY ("blocker_id") REFERENCES "blockers"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "update_blockers" DROP CONSTRAINT "FK_85d7efa52a52e0d437d8f3e9dff"`);
        await queryRunner.query(`ALTER TABLE "update_blockers" DROP CONSTRAINT "FK_8a6060d790a7bd67f7065a5b4e7"`);
        await queryRunner.query(`ALTER TABLE "weekly_updates" DROP CONSTRAINT "FK_3591d1f8342e0f941116d026d8e"`);
        await queryRunner.query(`ALTER TABLE "weekly_updates" DROP CONSTRAINT "FK_366cacfe2e65e0a61e9c14e9d5e"`);
        await queryRunner.query(`ALTER TABLE "kpi_readings" DROP CONSTRAINT "FK_e6f01e71ed4be88609dfcfa5307"`);
        await queryRunner.query(`ALTER TABLE "kpi_readings" DROP CONSTRAINT "FK_22499c01147f1182b3daed932aa"`);
        await queryRunner.query(`ALTER TABLE "blockers" DROP CONSTRAINT "FK_1104702b10f6897d14b209f1c50"`);
        await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "FK_9e6adbdb22221095df30af878d0"`);
        await queryRunner.query(`ALTER TABLE "stage_changes" DROP CONSTRAINT "FK_d8148bbe8ad5e61d5382cf68915"`);
        await queryRunner.query(`ALTER TABLE "stage_changes" DROP CONSTRAINT "FK_2edc794d0e59571fa74f049f67d"`);
        await queryRunner.query(`ALTER TABLE "pilots" DROP CONSTRAINT "FK_0e933aa1b9332818340c3e72bd2"`);
        await queryRunner.query(`ALTER TABLE "pilots" DROP CONSTRAINT "FK_e1187fe00a2a4c0f17aea0db411"`);
        await queryRunner.query(`ALTER TABLE "pilots" DROP CONSTRAINT "FK_c6d1700e9fa87292a92f27fc3af"`);
        await queryRunner.query(`ALTER TABLE "pilots" DROP CONSTRAINT "FK_01e282d7f559ba78a734425a1d4"`);
        await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "FK_b15267e9c9d91a7862f4211011e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_85d7efa52a52e0d437d8f3e9df"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8a6060d790a7bd67f7065a5b4e"`);
        await queryRunner.query(`DROP TABLE "update_blockers"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_437b72b6413bdf7ff390c9870a"`);
        await queryRunner.query(`DROP TABLE "weekly_updates"`);
        await queryRunner.query(`DROP TYPE "public"."update_health"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e6f01e71ed4be88609dfcfa530"`);
        await queryRunner.query(`DROP TABLE "kpi_readings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a36d517e8feeba70bc907edbde"`);
        await queryRunner.query(`DROP TABLE "blockers"`);
        await queryRunner.query(`DROP TYPE "public"."blocker_status"`);
        await queryRunner.query(`DROP TYPE "public"."blocker_category"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0e2a24b064ef3f42993e6dffed"`);
        await queryRunner.query(`DROP TABLE "kpis"`);
        await queryRunner.query(`DROP TYPE "public"."kpi_direction"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_299ee0e032d57de8e6d28f3ed6"`);
        await queryRunner.query(`DROP TABLE "stage_changes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7c1ebda5750c4c4038368752f4"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fe3129980ebeee80fc1e4785ac"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e1187fe00a2a4c0f17aea0db41"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c6d1700e9fa87292a92f27fc3a"`);
        await queryRunner.query(`DROP TABLE "pilots"`);
        await queryRunner.query(`DROP TYPE "public"."pilot_complexity"`);
        await queryRunner.query(`DROP TYPE "public"."pilot_stage"`);
        await queryRunner.query(`DROP TYPE "public"."use_case_category"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b15267e9c9d91a7862f4211011"`);
        await queryRunner.query(`DROP TABLE "people"`);
        await queryRunner.query(`DROP TYPE "public"."person_role"`);
        await queryRunner.query(`DROP TABLE "business_units"`);
    }

}
