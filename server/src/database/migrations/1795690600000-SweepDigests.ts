import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A digest of what each flag and diagnosis says (see `rowDigest`), so that a sweep sends only the
 * rows that changed instead of every row for the database to compare. Null for rows stored before:
 * the next run sends those once and stores their digest. A statement that changes what a row says
 * without giving it a new digest (a hand-made fix, a future writer) gets its digest cleared by the
 * trigger, so the next sweep compares that row again rather than trusting a digest that is stale.
 */
export class SweepDigests1795690600000 implements MigrationInterface {
  name = 'SweepDigests1795690600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signal_flags" ADD "digest" uuid`);
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" ADD "digest" uuid`);
    await queryRunner.query(`
      CREATE FUNCTION analysis_digest_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.digest := NULL;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER signal_flags_digest_stale BEFORE UPDATE ON signal_flags FOR EACH ROW
      WHEN ((OLD.summary, OLD.evidence, OLD.condition_since) IS DISTINCT FROM (NEW.summary, NEW.evidence, NEW.condition_since)
            AND NEW.digest IS NOT DISTINCT FROM OLD.digest)
      EXECUTE FUNCTION analysis_digest_stale()`);
    await queryRunner.query(`
      CREATE TRIGGER pilot_diagnoses_digest_stale BEFORE UPDATE ON pilot_diagnoses FOR EACH ROW
      WHEN ((OLD.action, OLD.readiness_score, OLD.recommendation, OLD.patterns, OLD.readiness)
              IS DISTINCT FROM (NEW.action, NEW.readiness_score, NEW.recommendation, NEW.patterns, NEW.readiness)
            AND NEW.digest IS NOT DISTINCT FROM OLD.digest)
      EXECUTE FUNCTION analysis_digest_stale()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER pilot_diagnoses_digest_stale ON pilot_diagnoses`);
    await queryRunner.query(`DROP TRIGGER signal_flags_digest_stale ON signal_flags`);
    await queryRunner.query(`DROP FUNCTION analysis_digest_stale()`);
    await queryRunner.query(`ALTER TABLE "pilot_diagnoses" DROP COLUMN "digest"`);
    await queryRunner.query(`ALTER TABLE "signal_flags" DROP COLUMN "digest"`);
  }
}
