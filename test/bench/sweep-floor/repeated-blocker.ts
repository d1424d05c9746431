/**
 * Floor of `repeated_blocker`, per open blocker of a watched pilot: the run of consecutive updates
 * (in the pilot's update order) that mention it, ending at its latest mention, reaches N; or it
 * has been open more than W ISO weeks since its first sighting, less the whole weeks the pilot
 * spent paused since then. The flag starts at the earlier of the reasons that hold.
 */
import { MONITORED, mondayOfWeek, SEGMENTS_CTE, threshold, type RuleFloor } from './common';

export const repeatedBlockerFloor: RuleFloor = {
  kind: 'repeated_blocker',
  sql: `
WITH ${SEGMENTS_CTE},
open_blockers AS (
  SELECT b.id, b.pilot_id, ${mondayOfWeek('b.first_seen_week')} AS first_monday
    FROM blockers b JOIN pilots p ON p.id = b.pilot_id
   WHERE b.status = 'open' AND ${MONITORED}
),
ordered AS (
  SELECT u.id, u.pilot_id, u.week_start, row_number() OVER (PARTITION BY u.pilot_id ORDER BY u.week_start) AS seq
    FROM weekly_updates u WHERE u.pilot_id IN (SELECT pilot_id FROM open_blockers)
),
islands AS (
  SELECT ob.id AS blocker_id, o.seq, o.week_start,
         o.seq - row_number() OVER (PARTITION BY ob.id ORDER BY o.seq) AS island
    FROM open_blockers ob
    JOIN update_blockers ub ON ub.blocker_id = ob.id
    JOIN ordered o ON o.id = ub.update_id AND o.pilot_id = ob.pilot_id
),
streaks AS (
  SELECT DISTINCT ON (blocker_id) blocker_id, length, first_week
    FROM (SELECT blocker_id, island, count(*) AS length, max(seq) AS last_seq, min(week_start) AS first_week
            FROM islands GROUP BY blocker_id, island) runs
   ORDER BY blocker_id, last_seq DESC
),
paused AS (
  SELECT ob.id AS blocker_id, sum(s.finish - greatest(s.start, ob.first_monday)) AS days
    FROM open_blockers ob JOIN segments s ON s.pilot_id = ob.pilot_id AND s.stage = 'paused'
   WHERE s.finish > greatest(s.start, ob.first_monday)
   GROUP BY ob.id
),
judged AS (
  SELECT ob.pilot_id, ob.id, ob.first_monday, st.first_week AS streak_week,
         coalesce(st.length, 0) >= ${threshold('repeatedBlockerConsecutiveUpdates')} AS by_streak,
         (date_trunc('week', $1::date)::date - ob.first_monday) / 7 - coalesce(pa.days, 0) / 7 > ${threshold('repeatedBlockerOpenWeeks')} AS by_age
    FROM open_blockers ob
    LEFT JOIN streaks st ON st.blocker_id = ob.id
    LEFT JOIN paused pa ON pa.blocker_id = ob.id
)
SELECT pilot_id, 'repeated_blocker' AS kind, id::text AS subject_key,
       least(CASE WHEN by_streak THEN streak_week END, CASE WHEN by_age THEN first_monday END)::text AS since
  FROM judged WHERE by_streak OR by_age`,
};
