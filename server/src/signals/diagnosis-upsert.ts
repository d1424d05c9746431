import type { EntityManager } from 'typeorm';
import type { Recommendation } from '@liftoff/shared';
import { digestOfJson } from './row-digest';

/**
 * Only diagnoses that say something new are written (a run over unchanged data writes nothing):
 * changed rows are updated, missing ones inserted; the upsert covers a parallel run's insert. The
 * common table expressions of that statement, over the diagnosis rows in the jsonb parameter `param`.
 * A row whose content is the same but whose stored digest is not (stored before digests were kept)
 * gets only its digest: `computed_at` stays the last run that found the diagnosis different.
 */
export const DIAGNOSIS_UPSERT_CTES = (param: string, queue?: ScaleQueueMarking) => `
  diagnosis AS (SELECT x.*${queue ? `, ${queue.member} AS member` : ''} FROM jsonb_populate_recordset(NULL::pilot_diagnoses, ${param}::jsonb) x),
  diagnosis_changed AS (
    UPDATE pilot_diagnoses d SET action = x.action, readiness_score = x.readiness_score,
           recommendation = x.recommendation, patterns = x.patterns, readiness = x.readiness, digest = x.digest,
           computed_at = CASE WHEN ${DIAGNOSIS_DIFFERS} THEN x.computed_at ELSE d.computed_at END
           ${queue ? `, scale_queue_since = CASE WHEN x.member THEN coalesce(old.scale_queue_since, ${queue.at}) END` : ''}
      FROM diagnosis x JOIN pilot_diagnoses old ON old.pilot_id = x.pilot_id
     WHERE d.pilot_id = x.pilot_id
       AND ${DIAGNOSIS_TO_WRITE}
    RETURNING d.pilot_id, old.action AS previous_action, old.recommendation AS previous, x.action, x.recommendation AS current),
  ${queue ? SCALE_QUEUE_MARKED_CTE(queue) : ''}
  diagnosis_added AS (
    INSERT INTO pilot_diagnoses (pilot_id, action, readiness_score, recommendation, patterns, readiness, digest, computed_at${queue ? ', scale_queue_since' : ''})
    SELECT pilot_id, action, readiness_score, recommendation, patterns, readiness, digest, computed_at${queue ? `, CASE WHEN member THEN ${queue.at} END` : ''}
      FROM diagnosis x
     WHERE NOT EXISTS (SELECT 1 FROM pilot_diagnoses d WHERE d.pilot_id = x.pilot_id)
    ON CONFLICT (pilot_id) DO UPDATE SET action = EXCLUDED.action, readiness_score = EXCLUDED.readiness_score,
      recommendation = EXCLUDED.recommendation, patterns = EXCLUDED.patterns, readiness = EXCLUDED.readiness,
      digest = EXCLUDED.digest, computed_at = EXCLUDED.computed_at
      ${queue ? ', scale_queue_since = CASE WHEN EXCLUDED.scale_queue_since IS NOT NULL THEN coalesce(pilot_diagnoses.scale_queue_since, EXCLUDED.scale_queue_since) END' : ''}
    RETURNING pilot_id, recommendation AS current)`;

const DIAGNOSIS_DIFFERS = `(d.action, d.readiness_score, d.recommendation, d.patterns, d.readiness)
           IS DISTINCT FROM (x.action, x.readiness_score, x.recommendation, x.patterns, x.readiness)`;
const DIAGNOSIS_TO_WRITE = `(${DIAGNOSIS_DIFFERS} OR d.digest IS DISTINCT FROM x.digest)`;

/**
 * Scale queue membership written with the diagnosis (what `markScaleQueueEntries` does in a statement
 * of its own): `member`, an SQL boolean over the new diagnosis row `x`; `at`, the time a pilot enters.
 */
export interface ScaleQueueMarking {
  member: string;
  at: string;
}

/**
 * A diagnosis that says nothing new but whose pilot entered or left the queue: only its
 * `scale_queue_since` changes. Disjoint from `diagnosis_changed` (a row is written once a statement).
 */
const SCALE_QUEUE_MARKED_CTE = (queue: ScaleQueueMarking) => `
  scale_queue_marked AS (
    UPDATE pilot_diagnoses d SET scale_queue_since = CASE WHEN x.member THEN ${queue.at} END
      FROM diagnosis x
     WHERE d.pilot_id = x.pilot_id AND NOT ${DIAGNOSIS_TO_WRITE} AND (d.scale_queue_since IS NULL) = x.member),`;

/**
 * The select-list item that answers, after `DIAGNOSIS_UPSERT_CTES`, the pilots whose recommended
 * action changed or got its first one (`action_changes`, a `DiagnosisActionChange[]`): the news the
 * outbox announces as `recommendation.changed`.
 */
export const DIAGNOSIS_ACTION_CHANGES_SQL = `(SELECT coalesce(jsonb_agg(c), '[]'::jsonb) FROM (
    SELECT pilot_id, previous, current FROM diagnosis_changed WHERE previous_action IS DISTINCT FROM action
    UNION ALL SELECT pilot_id, NULL::jsonb, current FROM diagnosis_added) c) AS action_changes`;

export interface DiagnosisActionChange {
  pilot_id: string;
  previous: Recommendation | null;
  current: Recommendation;
}

/** A diagnosis row, with its `rowDigest`, already written as the JSON object `DIAGNOSIS_UPSERT_CTES` reads. */
export interface DiagnosisRow {
  pilot_id: string;
  digest: string;
  json: string;
}

/** What a diagnosis row stores; `computed_at` is the run's time. */
export interface DiagnosisContent {
  action: Recommendation['action'];
  readinessScore: number;
  recommendation: Recommendation;
  patterns: unknown;
  readiness: unknown;
}

/**
 * Each part is written as JSON once, for the digest (the JSON array of the compared columns, as
 * `rowDigest` writes it) and for the row sent to the database.
 */
export function diagnosisRow(pilotId: string, content: DiagnosisContent, computedAt: string): DiagnosisRow {
  const parts = [content.action, content.readinessScore, content.recommendation, content.patterns, content.readiness].map((value) => JSON.stringify(value) ?? 'null');
  const digest = digestOfJson(`[${parts.join(',')}]`);
  const json = `{"pilot_id":${JSON.stringify(pilotId)},"action":${parts[0]},"readiness_score":${parts[1]},"recommendation":${parts[2]},`
    + `"patterns":${parts[3]},"readiness":${parts[4]},"digest":"${digest}","computed_at":${JSON.stringify(computedAt)}}`;
  return { pilot_id: pilotId, digest, json };
}

/** The rows as the one JSON document `DIAGNOSIS_UPSERT_CTES` takes. */
export const diagnosesJson = (rows: DiagnosisRow[]): string => `[${rows.map((row) => row.json).join(',')}]`;

/**
 * The rows whose stored digest differs (or that have no stored row): the only ones a sweep sends to
 * `DIAGNOSIS_UPSERT_CTES`. The others say what is stored already, which that statement would find
 * too, after the whole row had travelled and been parsed.
 */
export async function changedDiagnoses(manager: EntityManager, rows: DiagnosisRow[]): Promise<DiagnosisRow[]> {
  if (rows.length === 0) return rows;
  const stored: { pilot_id: string; digest: string | null }[] = await manager.query(
    'SELECT pilot_id, digest::text AS digest FROM pilot_diagnoses WHERE pilot_id = ANY($1::uuid[])',
    [rows.map((row) => row.pilot_id)],
  );
  const digests = new Map(stored.map((row) => [row.pilot_id, row.digest]));
  return rows.filter((row) => digests.get(row.pilot_id) !== row.digest);
}
