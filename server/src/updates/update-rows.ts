import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit.subscriber';
import { Blocker } from '../blockers/blocker.entity';
import { BlockerWording } from '../blockers/blocker-wording.entity';
import { KpiReading } from './kpi-reading.entity';
import { WeeklyUpdate } from './weekly-update.entity';

/**
 * A new weekly update, its KPI readings, its blocker mentions and the wordings of those mentions, with
 * the blockers it creates, reopens or stretches, in one statement: TypeORM's saves send up to seven (and prepares every entity for them, which costs as much
 * CPU as the statements). Ids are made here so every row can name the update in the same statement.
 * The audit rows are the ones the save queued (`AuditSubscriber`): one per row, a mention's without
 * values as for any junction row. A taken week fails on the same unique constraint (409).
 */
export const INSERT_UPDATE_ROWS_SQL = `
  WITH u AS (
    INSERT INTO weekly_updates (id, pilot_id, week, week_start, author_id, health, summary, confidence, active_users,
                                active_users_outside_team, scale_question_asked, resources_redirected, pivot_suggested, version)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    RETURNING id, created_at, updated_at),
  readings AS (
    INSERT INTO kpi_readings (id, update_id, kpi_id, value)
    SELECT x.id, u.id, x.kpi_id, x.value FROM u, jsonb_to_recordset($15::jsonb) AS x(id uuid, kpi_id uuid, value numeric)),
  mentions AS (
    INSERT INTO update_blockers (update_id, blocker_id) SELECT u.id, b.id FROM u, unnest($16::uuid[]) AS b(id)),
  wordings AS (
    INSERT INTO blocker_wordings (id, blocker_id, update_id, text)
    SELECT x.id, x.blocker_id, u.id, x.text FROM u, jsonb_to_recordset($17::jsonb) AS x(id uuid, blocker_id uuid, text text)
    RETURNING created_at),
  created_blockers AS (
    INSERT INTO blockers (id, pilot_id, text, category, status, first_seen_week, last_seen_week, resolved_at, resolution_note, version)
    SELECT id, pilot_id, text, category, status, first_seen_week, last_seen_week, resolved_at, resolution_note, version
      FROM jsonb_populate_recordset(NULL::blockers, $18::jsonb)
    RETURNING created_at),
  changed_blockers AS (
    UPDATE blockers b SET status = x.status, first_seen_week = x.first_seen_week, last_seen_week = x.last_seen_week,
           resolved_at = x.resolved_at, resolution_note = x.resolution_note, version = b.version + 1
      FROM jsonb_populate_recordset(NULL::blockers, $19::jsonb) AS x WHERE b.id = x.id
    RETURNING b.id, b.version)
  SELECT u.created_at, u.updated_at, (SELECT created_at FROM wordings LIMIT 1) AS wording_created_at,
         (SELECT created_at FROM created_blockers LIMIT 1) AS blocker_created_at,
         (SELECT coalesce(json_object_agg(id, version), '{}') FROM changed_blockers) AS versions
    FROM u`;

export interface NewUpdateRows {
  readings: { kpiId: string; value: number }[];
  blockerIds: string[];
  wordings: { blockerId: string; text: string }[];
  /** Blockers the update reports for the first time (ids made), and ones it reopens or stretches (see `resolveReportedBlockers`). */
  createdBlockers: Blocker[];
  changedBlockers: { before: Blocker; after: Blocker }[];
}

/** Writes `update` (made by `manager.create`, not saved) with its rows; returns it as saved. */
export async function insertUpdateRows(manager: EntityManager, update: WeeklyUpdate, rows: NewUpdateRows): Promise<WeeklyUpdate> {
  update.id = randomUUID();
  update.version = 1;
  // The columns' defaults, as the save would have read them back.
  update.scaleQuestionAsked ??= false;
  update.resourcesRedirected ??= false;
  update.pivotSuggested ??= false;
  const readings = rows.readings.map((r) => Object.assign(manager.create(KpiReading, { kpiId: r.kpiId, value: r.value }), { id: randomUUID(), updateId: update.id }));
  const wordings = rows.wordings.map((w) => Object.assign(manager.create(BlockerWording, { ...w, updateId: update.id }), { id: randomUUID() }));
  const [stored]: { created_at: Date; updated_at: Date; wording_created_at: Date | null; blocker_created_at: Date | null; versions: Record<string, number> }[] = await manager.query(INSERT_UPDATE_ROWS_SQL, [
    update.id, update.pilotId, update.week, update.weekStart, update.authorId, update.health, update.summary, update.confidence,
    update.activeUsers, update.activeUsersOutsideTeam, update.scaleQuestionAsked, update.resourcesRedirected, update.pivotSuggested, update.version,
    JSON.stringify(readings.map((r) => ({ id: r.id, kpi_id: r.kpiId, value: r.value }))),
    rows.blockerIds,
    JSON.stringify(wordings.map((w) => ({ id: w.id, blocker_id: w.blockerId, text: w.text }))),
    JSON.stringify(rows.createdBlockers.map(blockerRow)),
    JSON.stringify(rows.changedBlockers.map(({ after }) => blockerRow(after))),
  ]);
  for (const blocker of rows.createdBlockers) blocker.createdAt = stored.blocker_created_at!;
  for (const { after } of rows.changedBlockers) after.version = stored.versions[after.id];
  update.createdAt = stored.created_at;
  update.updatedAt = stored.updated_at;
  for (const wording of wordings) wording.createdAt = stored.wording_created_at!;
  const updates = manager.connection.getMetadata(WeeklyUpdate);
  const mentions = updates.findRelationWithPropertyPath('blockers')!.junctionEntityMetadata!;
  const blockers = manager.connection.getMetadata(Blocker);
  const readingsMeta = manager.connection.getMetadata(KpiReading);
  const wordingsMeta = manager.connection.getMetadata(BlockerWording);
  // In the order the saves made them: blockers first (while the reports were read), then the update's rows.
  for (const blocker of rows.createdBlockers) await recordAudit(manager, blockers, 'insert', null, blocker);
  for (const { before, after } of rows.changedBlockers) await recordAudit(manager, blockers, 'update', before, after);
  await recordAudit(manager, updates, 'insert', null, update);
  for (const reading of readings) await recordAudit(manager, readingsMeta, 'insert', null, reading);
  for (let i = 0; i < rows.blockerIds.length; i++) await recordAudit(manager, mentions, 'insert', null, null);
  for (const wording of wordings) await recordAudit(manager, wordingsMeta, 'insert', null, wording);
  return update;
}

export const blockerRow = (b: Blocker) => ({
  id: b.id, pilot_id: b.pilotId, text: b.text, category: b.category, status: b.status, first_seen_week: b.firstSeenWeek,
  last_seen_week: b.lastSeenWeek, resolved_at: b.resolvedAt, resolution_note: b.resolutionNote, version: b.version,
});
