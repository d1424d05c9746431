import { MigrationInterface, QueryRunner } from 'typeorm';

/** Optional bounds of a KPI's readings (a count cannot go below zero). */
export class KpiBounds1795650000000 implements MigrationInterface {
    name = 'KpiBounds1795650000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "kpis" ADD "min_value" numeric(18,4)`);
        await queryRunner.query(`ALTER TABLE "kpis" ADD "max_value" numeric(18,4)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "kpis" DROP COLUMN "max_value"`);
        await queryRunner.query(`ALTER TABLE "kpis" DROP COLUMN "min_value"`);
    }
}
