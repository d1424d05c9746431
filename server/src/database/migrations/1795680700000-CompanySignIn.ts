/** Company sign-in: the group-to-role table, sign-in attempts in flight, and the identity provider subject of each person. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class CompanySignIn1795680700000 implements MigrationInterface {
    name = 'CompanySignIn1795680700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sso_settings" ("id" smallint NOT NULL DEFAULT '1', "mappings" jsonb NOT NULL DEFAULT '[]', "password_sign_in" boolean NOT NULL DEFAULT true, "break_glass_person_id" uuid, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sso_settings_break_glass_when_passwords_off" CHECK (password_sign_in OR break_glass_person_id IS NOT NULL), CONSTRAINT "sso_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_6859bb1e603183281bfe9b652f5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "sso_sign_in_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "state" character varying(128) NOT NULL, "nonce" character varying(128) NOT NULL, "code_verifier" character varying(128) NOT NULL, "return_to" character varying(500) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0b48be00165e0c813acf5974e4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0637ea40d88348eac5db184935" ON "sso_sign_in_attempts" ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "IDX_8e7f3786ed2fd4df32b29bcf39" ON "sso_sign_in_attempts" ("expires_at") `);
        await queryRunner.query(`ALTER TABLE "people" ADD "sso_subject" character varying(255)`);
        await queryRunner.query(`ALTER TABLE "people" ADD CONSTRAINT "UQ_a2041946ed49b430decd8d0c2a7" UNIQUE ("sso_subject")`);
        await queryRunner.query(`ALTER TABLE "sso_settings" ADD CONSTRAINT "FK_d011a4bdbb9cbedbf888ddba5fe" FOREIGN KEY ("break_glass_person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "sso_settings" ("id", "version") VALUES (1, 1)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sso_settings" DROP CONSTRAINT "FK_d011a4bdbb9cbedbf888ddba5fe"`);
        await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "UQ_a2041946ed49b430decd8d0c2a7"`);
        await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "sso_subject"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8e7f3786ed2fd4df32b29bcf39"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0637ea40d88348eac5db184935"`);
        await queryRunner.query(`DROP TABLE "sso_sign_in_attempts"`);
        await queryRunner.query(`DROP TABLE "sso_settings"`);
    }

}
