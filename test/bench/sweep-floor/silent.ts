/** Floor of `silent`: days since the latest posting (or a later stage entry) reach `silentDays`. */
import { ACTIVE, threshold, utcDate, type RuleFloor } from './common';

export const silentFloor: RuleFloor = {
  kind: 'silent',
  sql: `
SELECT pilot_id, 'silent' AS kind, '' AS subject_key, since::text AS since
  FROM (SELECT p.id AS pilot_id, greatest(${utcDate('p.stage_entered_at')}, ${utcDate('(SELECT max(u.created_at) FROM weekly_updates u WHERE u.pilot_id = p.id)')}) AS since
          FROM pilots p WHERE ${ACTIVE}) s
 WHERE $1::date - since >= ${threshold('silentDays')}`,
};
