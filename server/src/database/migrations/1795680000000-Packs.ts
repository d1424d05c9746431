import { MigrationInterface, QueryRunner } from "typeorm";

/** Steering-committee packs: append-only like the decision log and the audit trail (no UPDATE, DELETE or TRUNCATE). */
export class Packs1795680000000 implements MigrationInterface {
    name = 'Packs1795680000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "packs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" integer NOT NULL, "title" character varying(200) NOT NULL, "made_at" TIMESTAMP WITH TIME ZONE NOT NULL, "made_by_id" uuid NOT NULL, "previous_pack_id" uuid, "snapshot" jsonb NOT NULL, CONSTRAINT "PK_da3c6e998aaa9331767c51e7f91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1482d704ee781fc31810ea4a8b" ON "packs" ("number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_528d4d97d25797ffbd24e6d45a" ON "packs" ("previous_pack_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b297957e91830871b318d305ff" ON "packs" ("made_at") `);
        await queryRunner.query(`ALTER TABLE "packs" ADD CONSTRAINT "FK_311bea478d42e8addc862316069" FOREIGN KEY ("made_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "packs" ADD CONSTRAINT "FK_528d4d97d25797ffbd24e6d45a1" FOREIGN KEY ("previous_pack_id") REFERENCES "packs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TRIGGER packs_append_only BEFORE UPDATE OR DELETE ON "packs" FOR EACH ROW EXECUTE FUNCTION liftoff_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER packs_no_truncate BEFORE TRUNCATE ON "packs" FOR EACH STATEMENT EXECUTE FUNCTION liftoff_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER packs_no_truncate ON "packs"`);
        await queryRunner.query(`DROP TRIGGER packs_append_only ON "packs"`);
        await queryRunner.query(`ALTER TABLE "packs" DROP CONSTRAINT "FK_528d4d97d25797ffbd24e6d45a1"`);
        await queryRunner.query(`ALTER TABLE "packs" DROP CONSTRAINT "FK_311bea478d42e8addc862316069"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b297957e91830871b318d305ff"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_528d4d97d25797ffbd24e6d45a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1482d704ee781fc31810ea4a8b"`);
        await queryRunner.query(`DROP TABLE "packs"`);
    }

}
