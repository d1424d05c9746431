import type { EntityManager } from 'typeorm';
import type { SignalResult } from '@liftoff/shared';
import { inScaleQueueAfterWriteSql } from '../decisions/scale-queue-membership';
import { DIAGNOSIS_ACTION_CHANGES_SQL, DIAGNOSIS_UPSERT_CTES, type DiagnosisActionChange } from './diagnosis-upsert';
import { rowDigest } from './row-digest';

/**
 * Why a flag stopped: its condition cleared in the data, or the program office changed a threshold.
 * Only the second kind is reopened (same id, same opening date) when the rule fires again, so that
 * trying a threshold and restoring it does not make old stuck signs look new.
 */
export type FlagResolution = 'condition_cleared' | 'thresholds_changed';

export interface FlagSyncResult {
  openedIds: string[];
  resolvedIds: string[];
}

interface OpenFlagRow {
  id: string;
  pilot_id: string;
  kind: string;
  subject_key: string;
  /** The stored `rowDigest` of summary, evidence and start; absent where not read (always refreshed then). */
  digest?: string | null;
}

const keyOf = (pilotId: string, kind: string, subject: string) => `${pilotId}|${kind}|${subject}`;

/**
 * Brings the stored flags of these pilots in line with what the rules say now, in three set-based
 * statements: open the new ones, refresh the ones still firing, resolve the ones that stopped.
 * A flag still firing is rewritten only when what it says changed (summary, evidence, start), so a
 * run over unchanged data writes nothing: `last_seen_at` is the last run that found it different.
 * Only flags whose digest differs from the stored one travel to be compared (see `rowDigest`).
 * The rows travel as one jsonb document: parsed once, its evidence objects go to the jsonb column
 * as they are (a json document would be parsed again field by field).
 */
export async function syncFlags(
  manager: EntityManager,
  firing: Map<string, SignalResult[]>,
  now: Date,
  resolution: FlagResolution = 'condition_cleared',
): Promise<FlagSyncResult> {
  const pilotIds = [...firing.keys()];
  if (pilotIds.length === 0) return { openedIds: [], resolvedIds: [] };
  // Pilot by pilot on the partial index of open flags: the planner would rather scan every open
  // flag (the status index) and filter, which is slow once a big portfolio has many of them.
  const open: OpenFlagRow[] = await manager.query(
    `SELECT f.id, f.pilot_id, f.kind, f.subject_key, f.digest::text AS digest
       FROM unnest($1::uuid[]) AS p(id)
       CROSS JOIN LATERAL (SELECT id, pilot_id, kind, subject_key, digest FROM signal_flags
                            WHERE pilot_id = p.id AND status = 'open' OFFSET 0) f`,
    [pilotIds],
  );
  const at = now.toISOString();
  const { toInsert, toRefresh, resolvedIds } = planFlags(open, firing, at);

  let openedIds: string[] = [];
  if (toInsert.length) await reopenThresholdResolved(manager, toInsert, toRefresh, at);
  if (toInsert.length) {
    // A parallel run may have opened the same flag a moment ago: the partial unique index keeps one.
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, evidence, condition_since, digest, opened_at, last_seen_at)
       SELECT pilot_id, kind, subject_key, status, summary, evidence, condition_since, digest, opened_at, last_seen_at
         FROM jsonb_populate_recordset(NULL::signal_flags, $1::jsonb)
       ON CONFLICT (pilot_id, kind, subject_key) WHERE status = 'open' DO NOTHING
       RETURNING id`,
      [JSON.stringify(toInsert)],
    );
    openedIds = inserted.map((row) => row.id);
  }
  if (toRefresh.length) {
    await manager.query(
      `UPDATE signal_flags f SET ${FLAG_REFRESH_SET('$2')}
         FROM jsonb_to_recordset($1::jsonb) AS ${FLAG_RECORD}
        WHERE f.id = x.id AND ${FLAG_TO_WRITE}`,
      [JSON.stringify(toRefresh), at],
    );
  }
  if (resolvedIds.length) {
    await manager.query(
      `UPDATE signal_flags SET status = 'resolved', resolved_at = $2, resolution = $3 WHERE id = ANY($1::uuid[]) AND status = 'open'`,
      [resolvedIds, at, resolution],
    );
  }
  return { openedIds, resolvedIds };
}

interface FlagPlan {
  toInsert: Record<string, unknown>[];
  toRefresh: Record<string, unknown>[];
  resolvedIds: string[];
}

/** A refreshed flag's new values (`x`, a `FLAG_RECORD`); `last_seen_at` moves only when what it says changed, not for a digest alone. */
const FLAG_REFRESH_SET = (at: string) => `summary = x.summary, evidence = x.evidence, condition_since = x.condition_since, digest = x.digest,
  last_seen_at = CASE WHEN ${FLAG_DIFFERS} THEN ${at} ELSE f.last_seen_at END`;
const FLAG_RECORD = 'x(id uuid, summary text, evidence jsonb, condition_since date, digest uuid)';
const FLAG_DIFFERS = '(f.summary, f.evidence, f.condition_since) IS DISTINCT FROM (x.summary, x.evidence, x.condition_since)';
const FLAG_TO_WRITE = `(${FLAG_DIFFERS} OR f.digest IS DISTINCT FROM x.digest)`;

/**
 * What the stored open flags need so that they say what the rules say now: rows to open, to refresh
 * (only those whose stored digest differs), ids to resolve.
 */
function planFlags(open: OpenFlagRow[], firing: Map<string, SignalResult[]>, at: string): FlagPlan {
  const openByKey = new Map(open.map((row) => [keyOf(row.pilot_id, row.kind, row.subject_key), row]));
  const toInsert: Record<string, unknown>[] = [];
  const toRefresh: Record<string, unknown>[] = [];
  const stillFiring = new Set<string>();
  for (const [pilotId, results] of firing) {
    for (const result of results) {
      const subject = result.subjectKey ?? '';
      const key = keyOf(pilotId, result.kind, subject);
      if (stillFiring.has(key)) continue;
      stillFiring.add(key);
      const existing = openByKey.get(key);
      const since = result.since ?? null;
      const digest = rowDigest([result.summary, result.evidence, since]);
      if (existing) {
        if (existing.digest !== digest) toRefresh.push({ id: existing.id, summary: result.summary, evidence: result.evidence, condition_since: since, digest });
      } else {
        toInsert.push({ pilot_id: pilotId, kind: result.kind, subject_key: subject, status: 'open', summary: result.summary, evidence: result.evidence, condition_since: since, digest, opened_at: at, last_seen_at: at });
      }
    }
  }
  const resolvedIds = open.filter((row) => !stillFiring.has(keyOf(row.pilot_id, row.kind, row.subject_key))).map((row) => row.id);
  return { toInsert, toRefresh, resolvedIds };
}

/**
 * One pilot's stored flags as `syncOnePilot` needs them, for a batched read beside its history (every
 * column JSON-safe, the parameter cast): its open flags, and per kind and subject the latest flag when
 * a threshold change resolved it (`reopenable`), which is reopened rather than a new one opened.
 */
export const PILOT_FLAG_STATE_SQL = `
  SELECT f.id::text AS id, f.pilot_id::text AS pilot_id, f.kind::text AS kind, f.subject_key, f.digest::text AS digest, false AS reopenable
    FROM signal_flags f WHERE f.pilot_id = $1::uuid AND f.status = 'open'
  UNION ALL
  SELECT l.id::text, l.pilot_id::text, l.kind::text, l.subject_key, NULL, true
    FROM (SELECT DISTINCT ON (kind, subject_key) id, pilot_id, kind, subject_key, status, resolution
            FROM signal_flags WHERE pilot_id = $1::uuid ORDER BY kind, subject_key, opened_at DESC) l
   WHERE l.status = 'resolved' AND l.resolution = 'thresholds_changed'`;

export interface PilotFlagStateRow extends OpenFlagRow {
  reopenable: boolean;
}

/**
 * `syncFlags` for the one pilot a write changed, with its flags already read (`PILOT_FLAG_STATE_SQL`)
 * and every change, the diagnosis and its scale queue membership included, in one statement: the same rows written as the sweep's
 * path writes, in two round trips fewer than its separate statements (a write's transaction pays
 * each one). A reopened flag is rewritten whole in place, as the sweep's reopen-then-refresh does.
 */
export async function syncOnePilot(
  manager: EntityManager,
  pilotId: string,
  results: SignalResult[],
  state: PilotFlagStateRow[],
  diagnoses: string,
  scaleReadinessMin: number,
  now: Date,
): Promise<FlagSyncResult & { actionChanges: DiagnosisActionChange[] }> {
  const at = now.toISOString();
  const { toInsert, toRefresh, resolvedIds } = planFlags(state.filter((row) => !row.reopenable), new Map([[pilotId, results]]), at);
  const reopenable = new Map(state.filter((row) => row.reopenable).map((row) => [keyOf(row.pilot_id, row.kind, row.subject_key), row.id]));
  const toReopen: Record<string, unknown>[] = [];
  const toOpen = toInsert.filter((row) => {
    const id = reopenable.get(keyOf(row.pilot_id as string, row.kind as string, row.subject_key as string));
    if (id) toReopen.push({ id, summary: row.summary, evidence: row.evidence, condition_since: row.condition_since, digest: row.digest });
    return !id;
  });
  const [row]: { opened_ids: string[]; action_changes: DiagnosisActionChange[] }[] = await manager.query(
    `WITH reopened AS (
       UPDATE signal_flags f SET status = 'open', resolved_at = NULL, resolution = NULL, summary = x.summary, evidence = x.evidence,
              condition_since = x.condition_since, digest = x.digest, last_seen_at = $5::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS ${FLAG_RECORD}
        WHERE f.id = x.id),
     opened AS (
       INSERT INTO signal_flags (pilot_id, kind, subject_key, status, summary, evidence, condition_since, digest, opened_at, last_seen_at)
       SELECT pilot_id, kind, subject_key, status, summary, evidence, condition_since, digest, opened_at, last_seen_at
         FROM jsonb_populate_recordset(NULL::signal_flags, $2::jsonb)
       ON CONFLICT (pilot_id, kind, subject_key) WHERE status = 'open' DO NOTHING
       RETURNING id),
     refreshed AS (
       UPDATE signal_flags f SET ${FLAG_REFRESH_SET('$5::timestamptz')}
         FROM jsonb_to_recordset($3::jsonb) AS ${FLAG_RECORD}
        WHERE f.id = x.id AND ${FLAG_TO_WRITE}),
     resolved AS (
       UPDATE signal_flags SET status = 'resolved', resolved_at = $5::timestamptz, resolution = 'condition_cleared'
        WHERE id = ANY($4::uuid[]) AND status = 'open'),
     ${DIAGNOSIS_UPSERT_CTES('$6', { member: inScaleQueueAfterWriteSql('$7', '$8::boolean'), at: '$5::timestamptz' })}
     SELECT coalesce((SELECT array_agg(id::text) FROM opened), '{}') AS opened_ids, ${DIAGNOSIS_ACTION_CHANGES_SQL}`,
    // After this statement the pilot's open flags are exactly the firing ones (opened, reopened, refreshed; the rest resolved).
    [JSON.stringify(toReopen), JSON.stringify(toOpen), JSON.stringify(toRefresh), resolvedIds, at, diagnoses, scaleReadinessMin,
      results.some((result) => result.kind === 'scale_question_unanswered')],
  );
  return { openedIds: row.opened_ids, resolvedIds, actionChanges: row.action_changes };
}

/**
 * Flags about to be opened whose key's latest flag was resolved by a threshold change: reopen that
 * flag instead (moved from `toInsert` to `toRefresh`, which then updates it in place).
 */
async function reopenThresholdResolved(manager: EntityManager, toInsert: Record<string, unknown>[], toRefresh: Record<string, unknown>[], at: string): Promise<void> {
  const keys = toInsert.map((row) => ({ pilot_id: row.pilot_id, kind: row.kind, subject_key: row.subject_key }));
  const latest: OpenFlagRow[] = await manager.query(
    `SELECT f.id, f.pilot_id, f.kind, f.subject_key
       FROM jsonb_to_recordset($1::jsonb) AS k(pilot_id uuid, kind signal_kind, subject_key text)
       CROSS JOIN LATERAL (SELECT id, pilot_id, kind, subject_key, status, resolution FROM signal_flags s
                            WHERE s.pilot_id = k.pilot_id AND s.kind = k.kind AND s.subject_key = k.subject_key
                            ORDER BY s.opened_at DESC LIMIT 1) f
      WHERE f.status = 'resolved' AND f.resolution = 'thresholds_changed'`,
    [JSON.stringify(keys)],
  );
  if (latest.length === 0) return;
  const reopen = new Map(latest.map((row) => [keyOf(row.pilot_id, row.kind, row.subject_key), row.id]));
  await manager.query(`UPDATE signal_flags SET status = 'open', resolved_at = NULL, resolution = NULL, last_seen_at = $2 WHERE id = ANY($1::uuid[])`, [[...reopen.values()], at]);
  for (let i = toInsert.length - 1; i >= 0; i -= 1) {
    const row = toInsert[i];
    const id = reopen.get(keyOf(row.pilot_id as string, row.kind as string, row.subject_key as string));
    if (!id) continue;
    toRefresh.push({ id, summary: row.summary, evidence: row.evidence, condition_since: row.condition_since, digest: row.digest });
    toInsert.splice(i, 1);
  }
}
