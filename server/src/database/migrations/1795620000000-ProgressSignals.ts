import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two stuck signs (busy_not_progressing, pilot_timebox), and the single stalled-stage threshold
 * replaced by one per complexity: a stored override of the old key is carried to the typical case
 * (the one it was tuned for in practice) and the old key is dropped.
 */
export class ProgressSignals1795620000000 implements MigrationInterface {
  name = 'ProgressSignals1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."signal_kind" ADD VALUE IF NOT EXISTS 'busy_not_progressing'`);
    await queryRunner.query(`ALTER TYPE "public"."signal_kind" ADD VALUE IF NOT EXISTS 'pilot_timebox'`);
    await queryRunner.query(
      `UPDATE "analysis_settings"
          SET "thresholds" = ("thresholds" - 'stalledStageMonths')
                || CASE WHEN "thresholds" ? 'stalledStageMonthsTypical' THEN '{}'::jsonb
                        ELSE jsonb_build_object('stalledStageMonthsTypical', "thresholds"->'stalledStageMonths') END
        WHERE "thresholds" ? 'stalledStageMonths'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "analysis_settings"
          SET "thresholds" = ("thresholds" - 'stalledStageMonthsBest' - 'stalledStageMonthsTypical' - 'stalledStageMonthsComplex')
                || jsonb_build_object('stalledStageMonths', "thresholds"->'stalledStageMonthsTypical')
        WHERE "thresholds" ? 'stalledStageMonthsTypical'`,
    );
    await queryRunner.query(`DELETE FROM "signal_flags" WHERE "kind" IN ('busy_not_progressing', 'pilot_timebox')`);
    await queryRunner.query(`ALTER TYPE "public"."signal_kind" RENAME TO "signal_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."signal_kind" AS ENUM('repeated_blocker', 'stalled_stage', 'silent', 'confidence_decline', 'off_track_streak', 'scale_question_unanswered', 'resources_redirected', 'over_timeline', 'decision_overdue')`,
    );
    await queryRunner.query(`ALTER TABLE "signal_flags" ALTER COLUMN "kind" TYPE "public"."signal_kind" USING "kind"::text::"public"."signal_kind"`);
    await queryRunner.query(`DROP TYPE "public"."signal_kind_old"`);
  }
}
