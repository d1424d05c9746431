import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { compareIsoWeeks, isoWeekStart, kpiBoundsProblem, type ImportRowOutcome } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';
import { Kpi } from '../kpis/kpi.entity';
import { Blocker } from '../blockers/blocker.entity';
import { BlockerWording } from '../blockers/blocker-wording.entity';
import { WeeklyUpdate } from '../updates/weekly-update.entity';
import { KpiReading } from '../updates/kpi-reading.entity';
import { insertAudit, insertAudited } from './bulk-write';
import type { ErrorList } from './import-file';
import type { ImportReferences } from './import-references';
import { pilotKey } from './pilot-file';
import type { UpdateRecord } from './update-file';
import { BlockerPlanner, finalState, type BlockerInstance } from './blocker-plan';

type UpdateFields = Pick<
  WeeklyUpdate,
  'health' | 'summary' | 'confidence' | 'activeUsers' | 'activeUsersOutsideTeam' | 'scaleQuestionAsked' | 'resourcesRedirected' | 'pivotSuggested' | 'authorId'
>;
const FIELD_COLUMNS: [keyof UpdateFields, string][] = [
  ['authorId', 'author_email'], ['health', 'health'], ['summary', 'summary'], ['confidence', 'confidence'], ['activeUsers', 'active_users'],
  ['activeUsersOutsideTeam', 'active_users_outside_team'], ['scaleQuestionAsked', 'scale_question_asked'],
  ['resourcesRedirected', 'resources_redirected'], ['pivotSuggested', 'pivot_suggested'],
];

interface PlannedUpdate {
  record: UpdateRecord;
  pilotId: string;
  id: string;
  existing: WeeklyUpdate | null;
  fields: UpdateFields;
  readings: { kpiId: string; value: number }[];
  blockers: { instance: BlockerInstance; wording: string }[];
  changes: string[];
}

export interface UpdateImportPlan {
  updates: PlannedUpdate[];
  blockers: BlockerInstance[];
  outcomes: ImportRowOutcome[];
}

/** Works out what each row would create or change; problems go to `errors`. */
export async function planUpdateImport(manager: EntityManager, records: UpdateRecord[], references: ImportReferences, errors: ErrorList): Promise<UpdateImportPlan> {
  const pilots = new Map<string, Pilot[]>();
  for (const pilot of await manager.find(Pilot, { relations: { businessUnit: true }, select: { id: true, name: true, businessUnit: { name: true } } })) {
    const key = pilotKey(pilot.businessUnit!.name, pilot.name);
    pilots.set(key, [...(pilots.get(key) ?? []), pilot]);
  }
  const pilotIds = [...new Set(records.flatMap((r) => (pilots.get(pilotKey(r.unitName, r.pilotName)) ?? []).map((p) => p.id)))];
  const kpis = await manager.find(Kpi, { where: { pilotId: In(pilotIds) } });
  const existing = await manager.find(WeeklyUpdate, { where: { pilotId: In(pilotIds) }, relations: { kpiReadings: true, blockers: true } });
  const planner = new BlockerPlanner(await manager.find(Blocker, { where: { pilotId: In(pilotIds) } }));
  const seen = new Map<string, number>();
  const planned: PlannedUpdate[] = [];
  for (const record of records) {
    const matches = pilots.get(pilotKey(record.unitName, record.pilotName)) ?? [];
    if (matches.length !== 1) {
      errors.add(record.row, 'pilot_name', matches.length === 0
        ? `there is no pilot "${record.pilotName}" in ${record.unitName}; import the pilots file first`
        : `${matches.length} pilots in ${record.unitName} are named "${record.pilotName}"; rename one so the file can name it`);
      continue;
    }
    const pilotId = matches[0].id;
    const slot = `${pilotId}\u0000${record.week}`;
    if (seen.has(slot)) errors.add(record.row, 'week', `row ${seen.get(slot)} already holds this pilot's update for ${record.week}`);
    seen.set(slot, record.row);
    const authorId = references.person(record.authorEmail, record.authorName, 'pilot_lead', record.row, { email: 'author_email', name: 'author_name' }, errors) ?? '';
    const readings = planReadings(record, kpis.filter((k) => k.pilotId === pilotId), errors);
    const current = existing.find((u) => u.pilotId === pilotId && u.week === record.week) ?? null;
    const fields: UpdateFields = {
      authorId, health: record.health, summary: record.summary, confidence: record.confidence, activeUsers: record.activeUsers,
      activeUsersOutsideTeam: record.activeUsersOutsideTeam, scaleQuestionAsked: record.scaleQuestionAsked,
      resourcesRedirected: record.resourcesRedirected, pivotSuggested: record.pivotSuggested,
    };
    const changes = current ? FIELD_COLUMNS.filter(([field]) => current[field] !== fields[field]).map(([, column]) => column) : [];
    if (current && !sameReadings(current.kpiReadings ?? [], readings)) changes.push('kpi_readings');
    planned.push({ record, pilotId, id: current?.id ?? randomUUID(), existing: current, fields, readings, blockers: [], changes });
  }
  // Blockers: each pilot's rows in week order, so a text resolved in one week and named again later is a new blocker.
  const chronological = [...planned].sort((a, b) => compareIsoWeeks(a.record.week, b.record.week));
  for (const update of chronological) {
    const { record, pilotId, existing: current } = update;
    const linked = new Map<string, { instance: BlockerInstance; wording: string }>();
    for (const mention of record.blockers) {
      const instance = planner.mention(pilotId, record.week, mention.text, mention.category, current?.blockers ?? []);
      linked.set(instance.blocker.id, { instance, wording: mention.text });
    }
    update.blockers = [...linked.values()];
    if (current && !sameIds((current.blockers ?? []).map((b) => b.id), [...linked.keys()])) update.changes.push('blockers');
    for (const line of record.resolvedBlockers) {
      const outcome = planner.resolve(pilotId, record.week, line, update.blockers.map((b) => b.instance));
      if (!outcome) errors.add(record.row, 'resolved_blockers', `"${line}" is not an open blocker of this pilot (it must match a blocker's text)`);
      else if (outcome.changed && current && !update.changes.includes('resolved_blockers')) update.changes.push('resolved_blockers');
    }
  }
  const outcomes = planned.map((u): ImportRowOutcome => ({
    row: u.record.row,
    subject: `${u.record.unitName} / ${u.record.pilotName} / ${u.record.week}`,
    action: u.existing === null ? 'create' : u.changes.length > 0 ? 'update' : 'unchanged',
    detail: u.existing === null ? `new update${u.blockers.some((b) => b.instance.isNew) ? ' with new blockers' : ''}` : u.changes.length > 0 ? `${u.changes.join(', ')} changed` : '',
  }));
  return { updates: planned, blockers: planner.touched(), outcomes };
}

function planReadings(record: UpdateRecord, kpis: Kpi[], errors: ErrorList): { kpiId: string; value: number }[] {
  const result = new Map<string, number>();
  for (const reading of record.readings) {
    const kpi = kpis.find((k) => k.name.toLowerCase() === reading.kpiName.toLowerCase());
    if (!kpi) {
      errors.add(record.row, 'kpi_readings', `the pilot has no KPI named "${reading.kpiName}"${kpis.length ? ` (it has ${kpis.map((k) => k.name).join(', ')})` : ''}`);
      continue;
    }
    if (result.has(kpi.id)) errors.add(record.row, 'kpi_readings', `"${reading.kpiName}" is read twice`);
    const problem = kpiBoundsProblem(kpi, reading.value);
    if (problem) errors.add(record.row, 'kpi_readings', `the reading of "${kpi.name}" ${problem}`);
    result.set(kpi.id, reading.value);
  }
  return [...result].map(([kpiId, value]) => ({ kpiId, value }));
}

function sameReadings(current: KpiReading[], planned: { kpiId: string; value: number }[]): boolean {
  return current.length === planned.length && planned.every((p) => current.some((c) => c.kpiId === p.kpiId && c.value === p.value));
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** Writes the plan (inside the caller's transaction) and returns the ids of the pilots it touched. */
export async function applyUpdateImport(manager: EntityManager, plan: UpdateImportPlan, actorId: string | null): Promise<string[]> {
  await insertAudited(manager, Blocker, plan.blockers.filter((s) => s.isNew).map((s) => ({ ...s.blocker, ...finalState(s) })), actorId);
  const reopenedOrResolved = plan.blockers.filter((s) => !s.isNew).map((s) => ({ state: s, next: finalState(s) }))
    .filter(({ state, next }) => next.status !== state.blocker.status || next.resolvedAt?.getTime() !== state.blocker.resolvedAt?.getTime());
  for (const { state, next } of reopenedOrResolved) {
    await manager.update(Blocker, { id: state.blocker.id }, { ...next, resolutionNote: next.status === 'open' ? null : state.blocker.resolutionNote, version: () => 'version + 1' } as never);
  }
  await insertAudit(manager, 'blockers', reopenedOrResolved.map(({ state, next }) => ({ id: state.blocker.id, ...next })), actorId, 'update');
  const created = plan.updates.filter((u) => u.existing === null);
  const changed = plan.updates.filter((u) => u.existing !== null && u.changes.length > 0);
  await insertAudited(
    manager,
    WeeklyUpdate,
    created.map((u) => ({ id: u.id, pilotId: u.pilotId, week: u.record.week, weekStart: isoWeekStart(u.record.week).toISOString().slice(0, 10), ...u.fields }) as WeeklyUpdate),
    actorId,
  );
  for (const update of changed) await manager.update(WeeklyUpdate, { id: update.id }, { ...update.fields, version: () => 'version + 1' } as never);
  await insertAudit(manager, 'weekly_updates', changed.map((u) => ({ id: u.id, ...u.fields })), actorId, 'update');
  const replaced = changed.filter((u) => u.changes.includes('kpi_readings') || u.changes.includes('blockers'));
  const replacedIds = replaced.map((u) => u.id);
  if (replacedIds.length > 0) {
    await manager.delete(KpiReading, { updateId: In(replacedIds) });
    await manager.query(`DELETE FROM update_blockers WHERE update_id = ANY($1::uuid[])`, [replacedIds]);
    await manager.delete(BlockerWording, { updateId: In(replacedIds) });
  }
  const written = [...created, ...replaced];
  await insertAudited(manager, KpiReading, written.flatMap((u) => u.readings.map((r) => ({ id: randomUUID(), updateId: u.id, ...r }) as KpiReading)), actorId);
  const links = written.flatMap((u) => u.blockers.map((b) => [u.id, b.instance.blocker.id] as const));
  for (let start = 0; start < links.length; start += 5000) {
    const chunk = links.slice(start, start + 5000);
    await manager.query(`INSERT INTO update_blockers (update_id, blocker_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [chunk.map((l) => l[0]), chunk.map((l) => l[1])]);
  }
  await insertAudited(
    manager,
    BlockerWording,
    written.flatMap((u) => u.blockers.map((b) => ({ id: randomUUID(), updateId: u.id, blockerId: b.instance.blocker.id, text: b.wording }) as BlockerWording)),
    actorId,
  );
  // First and last seen follow the updates that mention each blocker, as after an edit.
  const pilotIds = [...new Set([...created, ...changed].map((u) => u.pilotId))];
  await manager.query(
    `UPDATE blockers b SET first_seen_week = s.first, last_seen_week = s.last
       FROM (SELECT ub.blocker_id, min(u.week) AS first, max(u.week) AS last
               FROM update_blockers ub JOIN weekly_updates u ON u.id = ub.update_id
              WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY ub.blocker_id) s
      WHERE b.id = s.blocker_id AND (b.first_seen_week <> s.first OR b.last_seen_week <> s.last)`,
    [pilotIds],
  );
  return [...new Set([...pilotIds, ...reopenedOrResolved.map(({ state }) => state.blocker.pilotId)])];
}
