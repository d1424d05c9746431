/**
 * The heaviest rule as one set-based query: for every open blocker, the run of consecutive updates
 * (in the pilot's own update order) that mention it, ending at its latest mention. A gaps-and-islands
 * query over updates x mentions; it is the floor the TypeScript sweep is measured against.
 */
export const REPEATED_BLOCKER_FLOOR_SQL = `
WITH ordered AS (
  SELECT u.id, u.pilot_id, row_number() OVER (PARTITION BY u.pilot_id ORDER BY u.week_start) AS seq
    FROM weekly_updates u
),
mentions AS (
  SELECT ub.blocker_id, o.seq
    FROM update_blockers ub
    JOIN ordered o ON o.id = ub.update_id
    JOIN blockers b ON b.id = ub.blocker_id AND b.status = 'open'
),
islands AS (
  SELECT blocker_id, seq, seq - row_number() OVER (PARTITION BY blocker_id ORDER BY seq) AS island
    FROM mentions
),
runs AS (
  SELECT blocker_id, island, count(*) AS length, max(seq) AS last_seq
    FROM islands GROUP BY blocker_id, island
),
latest AS (
  SELECT DISTINCT ON (blocker_id) blocker_id, length FROM runs ORDER BY blocker_id, last_seq DESC
)
SELECT blocker_id, length FROM latest WHERE length >= $1`;
