/** Floor of `resources_redirected`: one of the latest N updates reports resources pulled away. */
import { MONITORED, threshold, type RuleFloor } from './common';

export const resourcesRedirectedFloor: RuleFloor = {
  kind: 'resources_redirected',
  sql: `
SELECT p.id AS pilot_id, 'resources_redirected' AS kind, '' AS subject_key, w.since::text AS since
  FROM pilots p
  CROSS JOIN LATERAL (
    SELECT min(week_start) FILTER (WHERE resources_redirected) AS since
      FROM (SELECT week_start, resources_redirected FROM weekly_updates u WHERE u.pilot_id = p.id
             ORDER BY week DESC LIMIT ${threshold('resourcesRedirectedWindowUpdates')}::int) latest) w
 WHERE ${MONITORED} AND w.since IS NOT NULL`,
};
