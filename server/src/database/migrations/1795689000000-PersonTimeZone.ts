/** Each person's time zone: reminders and digests reach them on a weekday and hour of their own day. */
import { MigrationInterface, QueryRunner } from "typeorm";

export class PersonTimeZone1795689000000 implements MigrationInterface {
    name = 'PersonTimeZone1795689000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "people" ADD "time_zone" character varying(64) NOT NULL DEFAULT 'UTC'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "time_zone"`);
    }

}
