import type { EntityManager } from 'typeorm';

/**
 * The scale queue's rule in SQL, over `p` (pilots) and `pd` (pilot_diagnoses): a piloting pilot that
 * is recommended for scale, scores at least the readiness minimum (`readinessMin`, an SQL
 * expression or parameter), or whose leadership keeps asking about scale (an open flag). The queue
 * lists these pilots and the analysis records when each one entered it.
 */
export function inScaleQueueSql(readinessMin: string, diagnosis = 'pd', scaleQuestionOpen = SCALE_QUESTION_FLAG_OPEN_SQL): string {
  return `(p.stage = 'piloting' AND (${diagnosis}.action = 'scale' OR ${diagnosis}.readiness_score >= ${readinessMin}
    OR ${scaleQuestionOpen}))`;
}

const SCALE_QUESTION_FLAG_OPEN_SQL = `EXISTS (SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open' AND f.kind = 'scale_question_unanswered')`;

/**
 * The same rule for a statement that writes the pilot's diagnosis and flags itself (its common table
 * expressions cannot see each other's writes): over the new diagnosis row `x` (`pilot_id`, `action`,
 * `readiness_score`) and `scaleQuestionOpen`, whether that statement leaves such a flag open.
 */
export function inScaleQueueAfterWriteSql(readinessMin: string, scaleQuestionOpen: string): string {
  return `EXISTS (SELECT 1 FROM pilots p WHERE p.id = x.pilot_id AND ${inScaleQueueSql(readinessMin, 'x', scaleQuestionOpen)})`;
}

/**
 * Keeps `pilot_diagnoses.scale_queue_since` in step with the queue for these pilots after their
 * analysis was stored: set to `now` when a pilot enters, cleared when it leaves. Only pilots whose
 * membership changed are written, so a run over unchanged data writes nothing.
 */
export async function markScaleQueueEntries(manager: EntityManager, pilotIds: string[], readinessMin: number, now: Date): Promise<void> {
  if (pilotIds.length === 0) return;
  await manager.query(
    `UPDATE pilot_diagnoses d SET scale_queue_since = CASE WHEN q.member THEN $3::timestamptz END
       FROM (SELECT pd.pilot_id, ${inScaleQueueSql('$2')} AS member
               FROM unnest($1::uuid[]) AS ids(id)
               JOIN pilots p ON p.id = ids.id
               JOIN pilot_diagnoses pd ON pd.pilot_id = p.id) q
      WHERE d.pilot_id = q.pilot_id AND (d.scale_queue_since IS NULL) = q.member`,
    [pilotIds, readinessMin, now.toISOString()],
  );
}
