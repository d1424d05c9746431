import { MigrationInterface, QueryRunner } from "typeorm";

/** Server-side sessions, single-use invite and reset links, and deactivating people. */

export class SessionsInvitesDeactivation1795630000000 implements MigrationInterface {
    name = 'SessionsInvitesDeactivation1795630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_agent" character varying(300), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c3942eab830cae599a763e1155" ON "sessions" ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
        await queryRunner.query(`CREATE TYPE "public"."account_link_kind" AS ENUM('invite', 'reset')`);
        await queryRunner.query(`CREATE TABLE "account_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" "public"."account_link_kind" NOT NULL, "token_hash" character(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e03b1e79173941b176b58836ecd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9daa67fbab7b068d3278cbd6f1" ON "account_links" ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0c2e20e8aa37ab904b00e4cd5b" ON "account_links" ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "people" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_c3942eab830cae599a763e11557" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account_links" ADD CONSTRAINT "FK_9daa67fbab7b068d3278cbd6f19" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account_links" ADD CONSTRAINT "FK_0f2c1b6dc216c35c5ccb0599d0c" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "account_links" DROP CONSTRAINT "FK_0f2c1b6dc216c35c5ccb0599d0c"`);
        await queryRunner.query(`ALTER TABLE "account_links" DROP CONSTRAINT "FK_9daa67fbab7b068d3278cbd6f19"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_c3942eab830cae599a763e11557"`);
        await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "deactivated_at"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0c2e20e8aa37ab904b00e4cd5b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9daa67fbab7b068d3278cbd6f1"`);
        await queryRunner.query(`DROP TABLE "account_links"`);
        await queryRunner.query(`DROP TYPE "public"."account_link_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_abaa9e068cdd390bc5210f7988"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c3942eab830cae599a763e1155"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
    }

}
