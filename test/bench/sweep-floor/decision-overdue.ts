/** Floor of `decision_overdue`: the latest decision's review date has passed. */
import type { RuleFloor } from './common';

export const decisionOverdueFloor: RuleFloor = {
  kind: 'decision_overdue',
  sql: `
SELECT d.pilot_id, 'decision_overdue' AS kind, '' AS subject_key, d.next_review_date::text AS since
  FROM pilots p
  CROSS JOIN LATERAL (SELECT pilot_id, next_review_date FROM decisions WHERE pilot_id = p.id ORDER BY decided_at DESC, id DESC LIMIT 1) d
 WHERE p.stage NOT IN ('production', 'pivoted', 'killed') AND d.next_review_date < $1::date`,
};
