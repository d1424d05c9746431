import type { EntityManager } from 'typeorm';
import type { SignalResult } from '@liftoff/shared';

export interface FlagSyncResult {
  openedIds: string[];
  resolvedIds: string[];
}

interface OpenFlagRow {
  id: string;
  pilot_id: string;
  kind: string;
  subject_key: string;
}

const keyOf = (pilotId: string, kind: string, subject: string) => `${pilotId}|${kind}|${subject}`;

/**
 * Brings the stored flags of these pilots in line with what the rules say now, in three set-based
 * statements: open the new ones, refresh the ones still firing, resolve the ones that stopped.
 * The rows travel as one jsonb document: parsed once, its evidence objects go to the jsonb column
 * as they are (a json document would be parsed again field by field).
 */
export async function syncFlags(manager: EntityManager, firing: Map<string, SignalResult[]>, now: Date): Promise<FlagSyncResult> {
  const pilotIds = [...firing.keys()];
  if (pilotIds.length === 0) return { openedIds: [], resolvedIds: [] };
  // Pilot by pilot on the partial index of open flags: the planner would rather scan every open
  // flag (the status index) and filter, which is slow once a big portfolio has many of them.
  const open: OpenFlagRow[] = await manager.query(
    `SELECT f.id, f.pilot_id, f.kind, f.subject_key
       FROM unnest($1::uuid[]) AS p(id)
       CROSS JOIN LATERAL (SELECT id, pilot_id, kind, subject_key FROM signal_flags
                            WHERE pilot_id = p.id AND status = 'open' OFFSET 0) f`,
    [pilotIds],
  );
  const openByKey = new Map(open.map((row) => [keyOf(row.pilot_id, row.kind, row.subject_key), row]));
  const toInsert: Record<string, unknown>[] = [];
  const toRefresh: Record<string, unknown>[] = [];
  const stillFiring = new Set<string>();
  const at = now.toISOString();
  for (const [pilotId, results] of firing) {
    for (const result of results) {
      const subject = result.subjectKey ?? '';
      const key = keyOf(pilotId, result.kind, subject);
      if (stillFiring.has(key)) continue;
      stillFiring.add(key);
      const existing = openByKey.get(key);
      if (existing) toRefresh.push({ id: existing.id, summary: result.summary, evidence: result.evidence });
      else toInsert.push({ pilot_id: pilotId, kind: result.kind, subject_key: subject, status: 'open', summary: result.summary, evidence: result.evidence, opened_at: at, last_seen_at: at });
    }
  }
  const resolvedIds = open.filter((row) => !stillFiring.has(keyOf(row.pilot_id, row.kind, row.subject_key))).map((row) => row.id);

  let openedIds: string[] = [];
  if (toInsert.length) {
    // A parallel run may have opened the same flag a moment ago: the partial unique index keeps one.
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, evidence, opened_at, last_seen_at)
       SELECT pilot_id, kind, subject_key, status, summary, evidence, opened_at, last_seen_at
         FROM jsonb_populate_recordset(NULL::signal_flags, $1::jsonb)
       ON CONFLICT (pilot_id, kind, subject_key) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [JSON.stringify(toInsert)],
    );
    openedIds = inserted.map((row) => row.id);
  }
  if (toRefresh.length) {
    await manager.query(
      `UPDATE signal_flags f SET summary = x.summary, evidence = x.evidence, last_seen_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, summary text, evidence jsonb)
        WHERE f.id = x.id`,
      [JSON.stringify(toRefresh), at],
    );
  }
  if (resolvedIds.length) {
    await manager.query(
      `UPDATE signal_flags SET status = 'resolved', resolved_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'open'`,
      [resolvedIds, at],
    );
  }
  return { openedIds, resolvedIds };
}
