import { MigrationInterface, QueryRunner } from 'typeorm';

/** The decision_overdue stuck sign: a review date passed without a new decision. */
export class DecisionOverdueSignal1795592000000 implements MigrationInterface {
  name = 'DecisionOverdueSignal1795592000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."signal_kind" ADD VALUE IF NOT EXISTS 'decision_overdue'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "signal_flags" WHERE "kind" = 'decision_overdue'`);
    await queryRunner.query(`ALTER TYPE "public"."signal_kind" RENAME TO "signal_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."signal_kind" AS ENUM('repeated_blocker', 'stalled_stage', 'silent', 'confidence_decline', 'off_track_streak', 'scale_question_unanswered', 'resources_redirected', 'over_timeline')`,
    );
    await queryRunner.query(`ALTER TABLE "signal_flags" ALTER COLUMN "kind" TYPE "public"."signal_kind" USING "kind"::text::"public"."signal_kind"`);
    await queryRunner.query(`DROP TYPE "public"."signal_kind_old"`);
  }
}
