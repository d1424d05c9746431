/** Notifications (issue 13): the outbox, the configured channels, deliveries and their attempts. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795690100000 implements MigrationInterface {
    name = 'Notifications1795690100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_events" ("id" uuid NOT NULL, "event_type" character varying(40) NOT NULL, "event" jsonb NOT NULL, "recipient_ids" uuid array, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3a2ddf5cbc0c9a683b19cc73b3" ON "outbox_events" ("dispatched_at") `);
        await queryRunner.query(`CREATE INDEX "outbox_events_undispatched" ON "outbox_events" ("created_at", "id") WHERE dispatched_at IS NULL`);
        await queryRunner.query(`CREATE TYPE "public"."notification_channel_kind" AS ENUM('slack', 'teams', 'webhook')`);
        await queryRunner.query(`CREATE TABLE "notification_channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."notification_channel_kind" NOT NULL, "name" character varying(120) NOT NULL, "url" text NOT NULL, "signing_secret" character varying(100), "event_types" character varying(40) array NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bc0cb5b60e8659f5fc859b2af0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'delivered', 'failed')`);
        await queryRunner.query(`CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_event_id" uuid NOT NULL, "event_type" character varying(40) NOT NULL, "kind" character varying(16) NOT NULL, "channel_id" uuid, "person_id" uuid, "target_key" character varying(80) NOT NULL, "label" character varying(200) NOT NULL, "status" "public"."delivery_status" NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_response_code" integer, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_96c6dc2ef1818c05e3c0af03da" ON "deliveries" ("created_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_98ca3777607d899a236c26d621" ON "deliveries" ("status", "next_attempt_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "deliveries_one_per_target" ON "deliveries" ("outbox_event_id", "target_key") `);
        await queryRunner.query(`CREATE TABLE "delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ok" boolean NOT NULL, "response_code" integer, "error" text, "duration_ms" integer NOT NULL, CONSTRAINT "PK_41eba4eb5401d72860f7cd9a7ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0949177b3c3cecd46cedb771a4" ON "delivery_attempts" ("delivery_id", "attempted_at") `);
        await queryRunner.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_b3e88404130062a91f3759526ca" FOREIGN KEY ("outbox_event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "delivery_attempts" ADD CONSTRAINT "FK_a9d7e7212c87084249a641ab455" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "delivery_attempts" DROP CONSTRAINT "FK_a9d7e7212c87084249a641ab455"`);
        await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_b3e88404130062a91f3759526ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0949177b3c3cecd46cedb771a4"`);
        await queryRunner.query(`DROP TABLE "delivery_attempts"`);
        await queryRunner.query(`DROP INDEX "public"."deliveries_one_per_target"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_98ca3777607d899a236c26d621"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_96c6dc2ef1818c05e3c0af03da"`);
        await queryRunner.query(`DROP TABLE "deliveries"`);
        await queryRunner.query(`DROP TYPE "public"."delivery_status"`);
        await queryRunner.query(`DROP TABLE "notification_channels"`);
        await queryRunner.query(`DROP TYPE "public"."notification_channel_kind"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_events_undispatched"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3a2ddf5cbc0c9a683b19cc73b3"`);
        await queryRunner.query(`DROP TABLE "outbox_events"`);
    }

}
