/** Floor of `off_track_streak`: the run of at-risk or off-track updates since the latest other one. */
import { MONITORED, threshold, type RuleFloor } from './common';

export const offTrackStreakFloor: RuleFloor = {
  kind: 'off_track_streak',
  sql: `
SELECT p.id AS pilot_id, 'off_track_streak' AS kind, '' AS subject_key, r.since::text AS since
  FROM pilots p
  CROSS JOIN LATERAL (SELECT coalesce(max(o.week), '') AS last_fine FROM weekly_updates o
                       WHERE o.pilot_id = p.id AND o.health NOT IN ('at_risk', 'off_track')) f
  CROSS JOIN LATERAL (SELECT count(*) AS streak, min(u.week_start) AS since FROM weekly_updates u
                       WHERE u.pilot_id = p.id AND u.week > f.last_fine) r
 WHERE ${MONITORED} AND r.streak >= ${threshold('offTrackStreakUpdates')}`,
};
