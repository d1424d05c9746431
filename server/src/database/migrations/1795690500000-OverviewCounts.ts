import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the portfolio overview counted on every request, kept as the data changes (issue 11, overview
 * under 100 ms):
 * - `weekly_health_counts`: updates per week and health. Statement triggers on `weekly_updates` append
 *   one row per week and health a statement touched, so concurrent posts never queue on a shared
 *   counter row; a scheduled job folds the rows (`WeeklyHealthCounts.fold`).
 * - `pilot_diagnoses.pattern_keys`: the pattern names of a diagnosis, set from `patterns` by a row
 *   trigger on every write, so counting patterns does not unpack every diagnosis's evidence and guidance.
 * - `blockers_open_by_age`: the oldest open blockers without scanning every closed one.
 */
export class OverviewCounts1795690500000 implements MigrationInterface {
  name = 'OverviewCounts1795690500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "weekly_health_counts" ("id" BIGSERIAL NOT NULL, "week_start" date NOT NULL, "week" character varying(8) NOT NULL, "health" "public"."update_health" NOT NULL, "updates" integer NOT NULL, CONSTRAINT "PK_d41b2cdf5703284ca0263478d8a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_944e63b7232ab8fe026293cad3" ON "weekly_health_counts" ("week_start") `);
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" ADD "pattern_keys" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "blockers_open_by_age" ON "blockers" ("first_seen_week", "id") WHERE "status" = 'open'`);

    // One function per event: a transition table exists only for the events that have it.
    await queryRunner.query(`
      CREATE FUNCTION liftoff_count_updates_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weekly_health_counts (week_start, week, health, updates)
        SELECT week_start, week, health, count(*) FROM added GROUP BY 1, 2, 3;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION liftoff_count_updates_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weekly_health_counts (week_start, week, health, updates)
        SELECT week_start, week, health, -count(*) FROM removed GROUP BY 1, 2, 3;
        RETURN NULL;
      END $$`);
    // An edit that keeps week and health (most do) nets to zero and appends nothing.
    await queryRunner.query(`
      CREATE FUNCTION liftoff_count_updates_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO weekly_health_counts (week_start, week, health, updates)
        SELECT week_start, week, health, sum(n)
          FROM (SELECT week_start, week, health, -1 AS n FROM removed UNION ALL SELECT week_start, week, health, 1 FROM added) d
         GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION liftoff_count_updates_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM weekly_health_counts;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER weekly_updates_counted_insert AFTER INSERT ON "weekly_updates" REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION liftoff_count_updates_inserted()`);
    await queryRunner.query(`CREATE TRIGGER weekly_updates_counted_delete AFTER DELETE ON "weekly_updates" REFERENCING OLD TABLE AS removed
      FOR EACH STATEMENT EXECUTE FUNCTION liftoff_count_updates_deleted()`);
    await queryRunner.query(`CREATE TRIGGER weekly_updates_counted_update AFTER UPDATE ON "weekly_updates" REFERENCING OLD TABLE AS removed NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION liftoff_count_updates_changed()`);
    await queryRunner.query(`CREATE TRIGGER weekly_updates_counted_truncate AFTER TRUNCATE ON "weekly_updates"
      FOR EACH STATEMENT EXECUTE FUNCTION liftoff_count_updates_truncated()`);
    await queryRunner.query(`INSERT INTO weekly_health_counts (week_start, week, health, updates)
      SELECT week_start, week, health, count(*) FROM weekly_updates GROUP BY 1, 2, 3`);
    // The fold's queue (`WeeklyHealthCounts`), made here like the sweep's so that a start makes no table.
    await queryRunner.query(`SELECT pgboss.create_queue('portfolio-health-counts', '{"policy":"short","retryLimit":3,"retryDelay":30,"retryBackoff":true}')`);

    await queryRunner.query(`
      CREATE FUNCTION liftoff_diagnosis_pattern_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.pattern_keys := ARRAY(SELECT e.p->>'pattern' FROM jsonb_array_elements(NEW.patterns) WITH ORDINALITY AS e(p, i) ORDER BY e.i);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER pilot_diagnoses_pattern_keys BEFORE INSERT OR UPDATE OF patterns ON "pilot_diagnoses"
      FOR EACH ROW EXECUTE FUNCTION liftoff_diagnosis_pattern_keys()`);
    await queryRunner.query(`UPDATE pilot_diagnoses SET patterns = patterns`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue('portfolio-health-counts')`);
    await queryRunner.query(`DROP TRIGGER pilot_diagnoses_pattern_keys ON "pilot_diagnoses"`);
    await queryRunner.query(`DROP FUNCTION liftoff_diagnosis_pattern_keys()`);
    for (const event of ['insert', 'delete', 'update', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER weekly_updates_counted_${event} ON "weekly_updates"`);
    }
    for (const fn of ['inserted', 'deleted', 'changed', 'truncated']) {
      await queryRunner.query(`DROP FUNCTION liftoff_count_updates_${fn}()`);
    }
    await queryRunner.query(`DROP INDEX "public"."blockers_open_by_age"`);
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" DROP COLUMN "pattern_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_944e63b7232ab8fe026293cad3"`);
    await queryRunner.query(`DROP TABLE "weekly_health_counts"`);
  }
}
