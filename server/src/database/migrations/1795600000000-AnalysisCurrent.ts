import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalysisCurrent1795600000000 implements MigrationInterface {
    name = 'AnalysisCurrent1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "weekly_updates" ADD "pivot_suggested" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "signal_flags" ADD "resolution" character varying(32)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "signal_flags" DROP COLUMN "resolution"`);
        await queryRunner.query(`ALTER TABLE "weekly_updates" DROP COLUMN "pivot_suggested"`);
    }

}
