import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row triggers stop UPDATE and DELETE, but TRUNCATE fires no row trigger: without these, one statement
 * (`TRUNCATE audit_events`, or `TRUNCATE pilots CASCADE` reaching the decisions) empties the log and the trail.
 */
export class AppendOnlyTruncate1795670000000 implements MigrationInterface {
    name = 'AppendOnlyTruncate1795670000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON "decisions" FOR EACH STATEMENT EXECUTE FUNCTION liftoff_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION liftoff_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
        await queryRunner.query(`DROP TRIGGER decisions_no_truncate ON "decisions"`);
    }
}
