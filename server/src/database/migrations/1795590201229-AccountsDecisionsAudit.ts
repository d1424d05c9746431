import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts (passwords, API tokens), the immutable decision log and the append-only audit trail. */

export class AccountsDecisionsAudit1795590201229 implements MigrationInterface {
    name = 'AccountsDecisionsAudit1795590201229'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "token_hash" character(64) NOT NULL, "prefix" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e805e6bd18e894e005f72e4fa5" ON "api_tokens" ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bbd687a104e1921e6702c6e3aa" ON "api_tokens" ("token_hash") `);
        await queryRunner.query(`CREATE TYPE "public"."decision_kind" AS ENUM('scale', 'pivot', 'kill', 'continue')`);
        await queryRunner.query(`CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pilot_id" uuid NOT NULL, "kind" "public"."decision_kind" NOT NULL, "rationale" text NOT NULL, "decided_by_id" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_review_date" date, "snapshot" jsonb NOT NULL, "recommended_action" "public"."recommendation_action", "followed_recommendation" boolean NOT NULL, "supersedes_id" uuid, "resulting_pilot_id" uuid, CONSTRAINT "PK_48eee6fa229cd5e43648f6a2ec3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c51dbc805f7cdaced6df60d306" ON "decisions" ("decided_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_60ec5b8f93d3010d9c46cce9e9" ON "decisions" ("pilot_id", "decided_at") `);
        await queryRunner.query(`CREATE TYPE "public"."audit_action" AS ENUM('insert', 'update', 'delete')`);
        await queryRunner.query(`CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "entity" character varying(60) NOT NULL, "entity_id" character varying(80) NOT NULL, "action" "public"."audit_action" NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3648e11676f1929b9875ee272b" ON "audit_events" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_622abc9f0d43c21735198f7690" ON "audit_events" ("actor_id", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_b25896e0d3162bc1307dd93f79" ON "audit_events" ("entity", "entity_id") `);
        await queryRunner.query(`ALTER TABLE "people" ADD "password_hash" character varying(255)`);
        await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_e805e6bd18e894e005f72e4fa55" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_e35bf34912efd71262679eb81b5" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_e87b8c8be53423f2f20aa06a7a7" FOREIGN KEY ("decided_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_b4d6fc409a602223a1af6aa16da" FOREIGN KEY ("supersedes_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decisions" ADD CONSTRAINT "FK_da9f4ccc54bbe2f862910dc8ff2" FOREIGN KEY ("resulting_pilot_id") REFERENCES "pilots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // The log and the trail are append-only at the database level, whatever code runs against it.
        await queryRunner.query(`CREATE FUNCTION liftoff_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`);
        await queryRunner.query(`CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON "decisions" FOR EACH ROW EXECUTE FUNCTION liftoff_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION liftoff_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_events_append_only ON "audit_events"`);
        await queryRunner.query(`DROP TRIGGER decisions_append_only ON "decisions"`);
        await queryRunner.query(`DROP FUNCTION liftoff_refuse_change()`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_da9f4ccc54bbe2f862910dc8ff2"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_b4d6fc409a602223a1af6aa16da"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_e87b8c8be53423f2f20aa06a7a7"`);
        await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_e35bf34912efd71262679eb81b5"`);
        await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_e805e6bd18e894e005f72e4fa55"`);
        await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "password_hash"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b25896e0d3162bc1307dd93f79"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_622abc9f0d43c21735198f7690"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"`);
        await queryRunner.query(`DROP TABLE "audit_events"`);
        await queryRunner.query(`DROP TYPE "public"."audit_action"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_60ec5b8f93d3010d9c46cce9e9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c51dbc805f7cdaced6df60d306"`);
        await queryRunner.query(`DROP TABLE "decisions"`);
        await queryRunner.query(`DROP TYPE "public"."decision_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bbd687a104e1921e6702c6e3aa"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e805e6bd18e894e005f72e4fa5"`);
        await queryRunner.query(`DROP TABLE "api_tokens"`);
    }

}
