/**
 * Floor of `scale_question_unanswered`: at least Q updates of the last W ISO weeks asked when the
 * pilot scales, and no decision since the Monday of the first of them.
 */
import { MONITORED, threshold, type RuleFloor } from './common';

export const scaleQuestionUnansweredFloor: RuleFloor = {
  kind: 'scale_question_unanswered',
  sql: `
SELECT p.id AS pilot_id, 'scale_question_unanswered' AS kind, '' AS subject_key, q.first_asked::text AS since
  FROM pilots p
  CROSS JOIN LATERAL (
    SELECT count(*) AS asked, min(u.week_start) AS first_asked FROM weekly_updates u
     WHERE u.pilot_id = p.id AND u.scale_question_asked
       AND u.week_start <= date_trunc('week', $1::date)::date
       AND (date_trunc('week', $1::date)::date - u.week_start) / 7 < ${threshold('scaleQuestionWindowWeeks')}) q
 WHERE ${MONITORED} AND q.asked >= ${threshold('scaleQuestionCount')}
   AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.pilot_id = p.id AND d.decided_at >= q.first_asked::timestamp AT TIME ZONE 'UTC')`,
};
