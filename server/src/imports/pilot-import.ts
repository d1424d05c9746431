import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { dayStartNotAfter, type ImportRowOutcome } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';
import { StageChange } from '../pilots/stage-change.entity';
import { Kpi } from '../kpis/kpi.entity';
import { insertAudit, insertAudited } from './bulk-write';
import type { ErrorList } from './import-file';
import type { ImportReferences } from './import-references';
import { pilotDifference, pilotKey, type KpiRecord, type PilotRecord } from './pilot-file';

interface PlannedKpi {
  row: number;
  record: KpiRecord;
  existing: Kpi | null;
  changes: string[];
}

interface PlannedPilot {
  record: PilotRecord;
  existing: Pilot | null;
  values: Omit<Pilot, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'pivotedFromId'> & { id: string };
  changes: string[];
  /** The stage moved: a stage change is recorded at `stageEnteredAt`. */
  stageMoved: boolean;
  kpis: PlannedKpi[];
}

export interface PilotImportPlan {
  pilots: PlannedPilot[];
  outcomes: ImportRowOutcome[];
}

const PILOT_COLUMNS: [keyof PlannedPilot['values'], string][] = [
  ['summary', 'summary'], ['useCaseCategory', 'use_case_category'], ['stage', 'stage'], ['startDate', 'start_date'],
  ['targetProductionDate', 'target_production_date'], ['complexity', 'complexity'], ['leadId', 'lead_email'],
  ['sponsorId', 'sponsor_email'], ['annualValueAtScale', 'annual_value_at_scale'], ['costToDate', 'cost_to_date'],
  ['costToScale', 'cost_to_scale'],
];
const KPI_COLUMNS: [keyof KpiRecord, string][] = [
  ['unit', 'kpi_unit'], ['direction', 'kpi_direction'], ['baseline', 'kpi_baseline'], ['target', 'kpi_target'], ['minValue', 'kpi_min'], ['maxValue', 'kpi_max'],
];

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Works out, for every row, what the import would create or change; problems go to `errors`. */
export async function planPilotImport(
  manager: EntityManager,
  rows: { pilot: PilotRecord; kpi: KpiRecord | null }[],
  references: ImportReferences,
  errors: ErrorList,
): Promise<PilotImportPlan> {
  const existing = await manager.find(Pilot, { relations: { businessUnit: true } });
  const byKey = new Map<string, Pilot[]>();
  for (const pilot of existing) {
    const key = pilotKey(pilot.businessUnit!.name, pilot.name);
    byKey.set(key, [...(byKey.get(key) ?? []), pilot]);
  }
  const kpis = await manager.find(Kpi, { where: { pilotId: In(existing.map((p) => p.id)) } });
  const planned = new Map<string, PlannedPilot>();
  const outcomes: ImportRowOutcome[] = [];
  for (const { pilot: record, kpi } of rows) {
    const key = pilotKey(record.unitName, record.name);
    const subject = `${record.unitName} / ${record.name}`;
    let plan = planned.get(key);
    const parts: string[] = [];
    if (plan) {
      const differs = pilotDifference(plan.record, record);
      if (differs) errors.add(record.row, null, `this row's pilot columns differ from row ${plan.record.row} of the same pilot (${differs})`);
    } else {
      const matches = byKey.get(key) ?? [];
      if (matches.length > 1) {
        errors.add(record.row, 'pilot_name', `${matches.length} pilots in ${record.unitName} are named "${record.name}"; rename one so the file can name it`);
        continue;
      }
      plan = planPilot(record, matches[0] ?? null, references, errors);
      planned.set(key, plan);
      parts.push(plan.existing === null ? 'new pilot' : plan.changes.length > 0 ? `pilot: ${plan.changes.join(', ')} changed` : '');
    }
    if (kpi) {
      if (plan.kpis.some((other) => other.record.name.toLowerCase() === kpi.name.toLowerCase())) {
        errors.add(record.row, 'kpi_name', `the KPI "${kpi.name}" is listed twice for this pilot`);
      }
      const current = plan.existing ? (kpis.find((k) => k.pilotId === plan.existing!.id && k.name.toLowerCase() === kpi.name.toLowerCase()) ?? null) : null;
      const changes = current ? KPI_COLUMNS.filter(([field]) => current[field] !== kpi[field]).map(([, column]) => column) : [];
      if (current && current.name !== kpi.name) changes.push('kpi_name');
      plan.kpis.push({ row: record.row, record: kpi, existing: current, changes });
      parts.push(current === null ? `new KPI "${kpi.name}"` : changes.length > 0 ? `KPI "${kpi.name}": ${changes.join(', ')} changed` : '');
    }
    const created = (plan.existing === null && parts.includes('new pilot')) || parts.some((part) => part.startsWith('new KPI'));
    const detail = parts.filter(Boolean).join('; ');
    outcomes.push({ row: record.row, subject, action: created ? 'create' : detail ? 'update' : 'unchanged', detail });
  }
  return { pilots: [...planned.values()], outcomes };
}

function planPilot(record: PilotRecord, existing: Pilot | null, references: ImportReferences, errors: ErrorList): PlannedPilot {
  const row = record.row;
  const businessUnitId = references.unit(record.unitName, row, 'business_unit', errors) ?? '';
  const leadId = references.person(record.leadEmail, record.leadName, 'pilot_lead', row, { email: 'lead_email', name: 'lead_name' }, errors) ?? '';
  const sponsorId = record.sponsorEmail
    ? references.person(record.sponsorEmail, record.sponsorName, 'executive', row, { email: 'sponsor_email', name: 'sponsor_name' }, errors)
    : null;
  const stageMoved = existing !== null && existing.stage !== record.stage;
  // The stage clock: the file's date, else the start date for a new pilot, now for a moved stage, unchanged otherwise.
  const stageEnteredAt = record.stageEnteredOn
    ? dayStartNotAfter(record.stageEnteredOn, new Date())
    : existing === null
      ? new Date(`${record.startDate}T00:00:00Z`)
      : stageMoved
        ? new Date()
        : existing.stageEnteredAt;
  const values: PlannedPilot['values'] = {
    id: existing?.id ?? randomUUID(),
    name: existing?.name ?? record.name.trim(),
    summary: record.summary,
    businessUnitId,
    useCaseCategory: record.useCaseCategory,
    leadId,
    sponsorId,
    stage: record.stage,
    stageEnteredAt,
    startDate: record.startDate,
    targetProductionDate: record.targetProductionDate,
    complexity: record.complexity,
    integrationSystems: record.integrationSystems,
    annualValueAtScale: record.annualValueAtScale,
    costToDate: record.costToDate,
    costToScale: record.costToScale,
  };
  const changes = existing ? PILOT_COLUMNS.filter(([field]) => existing[field] !== values[field]).map(([, column]) => column) : [];
  if (existing && existing.integrationSystems.join('\n') !== values.integrationSystems.join('\n')) changes.push('integration_systems');
  if (existing && record.stageEnteredOn && day(existing.stageEnteredAt) !== record.stageEnteredOn) changes.push('stage_entered_on');
  return { record, existing, values, changes, stageMoved, kpis: [] };
}

/** Writes the plan (inside the caller's transaction) and returns the ids of the pilots it touched. */
export async function applyPilotImport(manager: EntityManager, plan: PilotImportPlan, actorId: string | null): Promise<{ created: string[]; changed: string[] }> {
  const created = plan.pilots.filter((p) => p.existing === null);
  await insertAudited(manager, Pilot, created.map((p) => ({ ...p.values, pivotedFromId: null }) as Pilot), actorId);
  await insertAudited(
    manager,
    StageChange,
    created.map((p) => ({ id: randomUUID(), pilotId: p.values.id, fromStage: null, toStage: p.values.stage, changedAt: p.values.stageEnteredAt, changedById: actorId, note: 'imported' }) as StageChange),
    actorId,
  );
  const edited = plan.pilots.filter((p) => p.existing !== null && p.changes.length > 0);
  for (const pilot of edited) {
    const { id, ...values } = pilot.values;
    await manager.update(Pilot, { id }, { ...values, version: () => 'version + 1' } as never);
    if (pilot.stageMoved) {
      await insertAudited(
        manager,
        StageChange,
        [{ id: randomUUID(), pilotId: id, fromStage: pilot.existing!.stage, toStage: pilot.values.stage, changedAt: pilot.values.stageEnteredAt, changedById: actorId, note: 'imported' } as StageChange],
        actorId,
      );
    } else if (pilot.changes.includes('stage_entered_on')) {
      // Backdating the clock moves the start of the current stage, as editing it on the pilot page does.
      await manager.query(
        `UPDATE stage_changes SET changed_at = $2 WHERE id = (SELECT id FROM stage_changes WHERE pilot_id = $1 ORDER BY changed_at DESC, id DESC LIMIT 1)`,
        [id, pilot.values.stageEnteredAt],
      );
    }
  }
  await insertAudit(manager, 'pilots', edited.map((p) => p.values), actorId, 'update');
  const kpis = plan.pilots.flatMap((p) => p.kpis.map((k) => ({ pilotId: p.values.id, ...k })));
  await insertAudited(manager, Kpi, kpis.filter((k) => k.existing === null).map((k) => ({ id: randomUUID(), pilotId: k.pilotId, ...k.record }) as Kpi), actorId);
  const editedKpis = kpis.filter((k) => k.existing !== null && k.changes.length > 0);
  for (const kpi of editedKpis) await manager.update(Kpi, { id: kpi.existing!.id }, { ...kpi.record, version: () => 'version + 1' } as never);
  await insertAudit(manager, 'kpis', editedKpis.map((k) => ({ id: k.existing!.id, ...k.record })), actorId, 'update');
  const changed = new Set([...edited.map((p) => p.values.id), ...kpis.filter((k) => k.existing === null || k.changes.length > 0).map((k) => k.pilotId)]);
  return { created: created.map((p) => p.values.id), changed: [...changed].filter((id) => !created.some((p) => p.values.id === id)) };
}
