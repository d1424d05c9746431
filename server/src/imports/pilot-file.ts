import {
  COMPLEXITIES,
  KPI_DIRECTIONS,
  kpiDefinitionBoundsProblems,
  kpiDirectionProblem,
  latestBegunDate,
  STAGES,
  USE_CASE_CATEGORIES,
  type Complexity,
  type KpiDirection,
  type PilotFileHeader,
  type Stage,
  type UseCaseCategory,
} from '@liftoff/shared';
import { listCell } from '../spreadsheets/cell-parsers';
import { MAX_KPI_VALUE } from '../kpis/dto/kpi.dto';
import type { ErrorList, TypedRow } from './import-file';

const MAX_MONEY = 999_999_999_999;

export interface KpiRecord {
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: number | null;
  target: number | null;
  minValue: number | null;
  maxValue: number | null;
}

/** A pilot as its rows in the file describe it. */
export interface PilotRecord {
  row: number;
  unitName: string;
  name: string;
  summary: string;
  useCaseCategory: UseCaseCategory;
  stage: Stage;
  stageEnteredOn: string | null;
  startDate: string;
  targetProductionDate: string | null;
  complexity: Complexity;
  leadEmail: string;
  leadName: string;
  sponsorEmail: string | null;
  sponsorName: string;
  integrationSystems: string[];
  annualValueAtScale: number;
  costToDate: number;
  costToScale: number;
}

/** The natural key of a pilot: its business unit and its name, ignoring case. */
export function pilotKey(unitName: string, pilotName: string): string {
  return `${unitName.trim().toLowerCase()}\u0000${pilotName.trim().toLowerCase()}`;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, row: number, column: string, errors: ErrorList): T | null {
  const normalised = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  if (value !== '') errors.add(row, column, `"${value}" is not one of ${allowed.join(', ')}`);
  return null;
}

function money(value: number | null, row: number, column: string, errors: ErrorList): number {
  if (value !== null && (value < 0 || value > MAX_MONEY)) errors.add(row, column, `must be between 0 and ${MAX_MONEY}`);
  return value ?? 0;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** Checks a row of the pilots file; the returned records are only meaningful when the row has no errors. */
export function readPilotRow(typed: TypedRow<PilotFileHeader>, errors: ErrorList): { pilot: PilotRecord; kpi: KpiRecord | null } {
  const { row, values: v } = typed;
  const name = text(v.pilot_name);
  if (name.length > 200) errors.add(row, 'pilot_name', 'a pilot name has at most 200 characters');
  if (text(v.summary).length > 4000) errors.add(row, 'summary', 'a summary has at most 4000 characters');
  const systems = listCell(typed.raw.integration_systems).flatMap((line) => line.split(';')).map((s) => s.trim()).filter(Boolean);
  if (systems.length > 30 || systems.some((system) => system.length > 80)) {
    errors.add(row, 'integration_systems', 'at most 30 systems of at most 80 characters each');
  }
  const startDate = text(v.start_date);
  const target = text(v.target_production_date) || null;
  if (target && startDate && target < startDate) errors.add(row, 'target_production_date', `must not be before start_date (${startDate})`);
  const stageEnteredOn = text(v.stage_entered_on) || null;
  if (stageEnteredOn && stageEnteredOn > latestBegunDate(new Date())) errors.add(row, 'stage_entered_on', 'must not be in the future');
  const sponsorEmail = text(v.sponsor_email) || null;
  const pilot: PilotRecord = {
    row,
    unitName: text(v.business_unit),
    name,
    summary: text(v.summary),
    useCaseCategory: oneOf(USE_CASE_CATEGORIES, text(v.use_case_category), row, 'use_case_category', errors) ?? 'other',
    stage: oneOf(STAGES, text(v.stage), row, 'stage', errors) ?? 'proposed',
    stageEnteredOn,
    startDate,
    targetProductionDate: target,
    complexity: oneOf(COMPLEXITIES, text(v.complexity), row, 'complexity', errors) ?? 'typical',
    leadEmail: text(v.lead_email),
    leadName: text(v.lead_name),
    sponsorEmail,
    sponsorName: text(v.sponsor_name),
    integrationSystems: systems,
    annualValueAtScale: money(num(v.annual_value_at_scale), row, 'annual_value_at_scale', errors),
    costToDate: money(num(v.cost_to_date), row, 'cost_to_date', errors),
    costToScale: money(num(v.cost_to_scale), row, 'cost_to_scale', errors),
  };
  return { pilot, kpi: readKpi(typed, errors) };
}

function readKpi({ row, values: v }: TypedRow<PilotFileHeader>, errors: ErrorList): KpiRecord | null {
  const name = text(v.kpi_name);
  const others = (['kpi_unit', 'kpi_direction', 'kpi_baseline', 'kpi_target', 'kpi_min', 'kpi_max'] as const).filter((h) => v[h] !== null && v[h] !== '');
  if (name === '') {
    if (others.length > 0) errors.add(row, 'kpi_name', `kpi_name is required when ${others[0]} is filled in`);
    return null;
  }
  if (name.length > 160) errors.add(row, 'kpi_name', 'a KPI name has at most 160 characters');
  const unit = text(v.kpi_unit);
  if (unit === '' || unit.length > 40) errors.add(row, 'kpi_unit', 'kpi_unit is required for a KPI (at most 40 characters)');
  const direction = oneOf(KPI_DIRECTIONS, text(v.kpi_direction), row, 'kpi_direction', errors);
  if (!direction && text(v.kpi_direction) === '') errors.add(row, 'kpi_direction', 'kpi_direction is required for a KPI');
  const kpi: KpiRecord = {
    name,
    unit,
    direction: direction ?? 'higher_is_better',
    baseline: num(v.kpi_baseline),
    target: num(v.kpi_target),
    minValue: num(v.kpi_min),
    maxValue: num(v.kpi_max),
  };
  for (const [column, value] of [['kpi_baseline', kpi.baseline], ['kpi_target', kpi.target], ['kpi_min', kpi.minValue], ['kpi_max', kpi.maxValue]] as const) {
    if (value !== null && Math.abs(value) > MAX_KPI_VALUE) errors.add(row, column, `must be between -${MAX_KPI_VALUE} and ${MAX_KPI_VALUE}`);
  }
  if (direction) {
    const problem = kpiDirectionProblem(direction, kpi.baseline, kpi.target);
    if (problem) errors.add(row, 'kpi_target', problem);
  }
  const columnOf = { maxValue: 'kpi_max', baseline: 'kpi_baseline', target: 'kpi_target' } as const;
  for (const problem of kpiDefinitionBoundsProblems(kpi)) errors.add(row, columnOf[problem.field], problem.message);
  return kpi;
}

/** The pilot columns two rows of the same pilot must agree on. */
export function pilotDifference(a: PilotRecord, b: PilotRecord): string | null {
  const fields: (keyof PilotRecord)[] = [
    'summary', 'useCaseCategory', 'stage', 'stageEnteredOn', 'startDate', 'targetProductionDate', 'complexity',
    'leadEmail', 'sponsorEmail', 'annualValueAtScale', 'costToDate', 'costToScale',
  ];
  for (const field of fields) {
    const left = a[field];
    const right = b[field];
    if (typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() !== right.toLowerCase() : left !== right) return field;
  }
  return a.integrationSystems.join('\n') === b.integrationSystems.join('\n') ? null : 'integrationSystems';
}
