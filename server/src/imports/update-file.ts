import { BLOCKER_CATEGORIES, HEALTHS, isFutureWeek, isoWeekOf, isValidIsoWeek, type BlockerCategory, type Health, type UpdateFileHeader } from '@liftoff/shared';
import { dateCell, listCell, numberCell, type CellOptions } from '../spreadsheets/cell-parsers';
import { MAX_KPI_VALUE } from '../kpis/dto/kpi.dto';
import type { ErrorList, TypedRow } from './import-file';

export interface UpdateRecord {
  row: number;
  unitName: string;
  pilotName: string;
  week: string;
  authorEmail: string;
  authorName: string;
  health: Health;
  summary: string;
  confidence: number;
  activeUsers: number;
  activeUsersOutsideTeam: number;
  scaleQuestionAsked: boolean;
  resourcesRedirected: boolean;
  pivotSuggested: boolean;
  readings: { kpiName: string; value: number }[];
  blockers: { category: BlockerCategory; text: string }[];
  resolvedBlockers: string[];
}

const MAX_USERS = 10_000_000;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `2026-W10`, or a date in that week (read with the upload's date order). */
function week(typed: TypedRow<UpdateFileHeader>, options: CellOptions, errors: ErrorList): string {
  const value = text(typed.values.week).toUpperCase();
  if (isValidIsoWeek(value)) return value;
  const asDate = dateCell(typed.raw.week, options);
  if (asDate.ok && asDate.value) return isoWeekOf(new Date(`${asDate.value}T00:00:00Z`));
  if (value !== '') errors.add(typed.row, 'week', `"${value}" is not an ISO week like 2026-W10 (nor a date in the week)`);
  return '';
}

/** `KPI name: value`, one per line; the value is read with the upload's decimal separator. */
function readings(typed: TypedRow<UpdateFileHeader>, options: CellOptions, errors: ErrorList): UpdateRecord['readings'] {
  return listCell(typed.raw.kpi_readings).flatMap((line) => {
    const colon = line.lastIndexOf(':');
    const kpiName = colon > 0 ? line.slice(0, colon).trim() : '';
    const parsed = colon > 0 ? numberCell(line.slice(colon + 1), options) : null;
    if (!parsed || !parsed.ok || parsed.value === null || kpiName === '') {
      errors.add(typed.row, 'kpi_readings', `"${line}" is not a reading: write the KPI name, a colon and the value, like "Hours saved: 12.5"`);
      return [];
    }
    if (Math.abs(parsed.value) > MAX_KPI_VALUE) errors.add(typed.row, 'kpi_readings', `the reading of "${kpiName}" is too large`);
    return [{ kpiName, value: parsed.value }];
  });
}

/** `category: text`, one per line; a line without a known category before its colon is `other`. */
function blockers(typed: TypedRow<UpdateFileHeader>, errors: ErrorList): UpdateRecord['blockers'] {
  return listCell(typed.raw.blockers).map((line) => {
    const colon = line.indexOf(':');
    const prefix = colon > 0 ? line.slice(0, colon).trim().toLowerCase().replace(/[\s-/&]+/g, '_') : '';
    const known = (BLOCKER_CATEGORIES as readonly string[]).includes(prefix);
    const blockerText = known ? line.slice(colon + 1).trim() : line;
    if (blockerText === '' || blockerText.length > 500) errors.add(typed.row, 'blockers', `a blocker needs a text of at most 500 characters ("${line.slice(0, 60)}")`);
    return { category: (known ? prefix : 'other') as BlockerCategory, text: blockerText };
  });
}

function whole(value: unknown, row: number, column: string, min: number, max: number, errors: ErrorList): number {
  const number = typeof value === 'number' ? value : min;
  if (typeof value === 'number' && (number < min || number > max)) errors.add(row, column, `must be between ${min} and ${max}`);
  return number;
}

/** Checks a row of the weekly updates file; the record is only meaningful when the row has no errors. */
export function readUpdateRow(typed: TypedRow<UpdateFileHeader>, options: CellOptions, errors: ErrorList): UpdateRecord {
  const { row, values: v } = typed;
  const summary = text(v.summary);
  if (summary.length > 4000) errors.add(row, 'summary', 'a summary has at most 4000 characters');
  const healthText = text(v.health).toLowerCase().replace(/[\s-]+/g, '_');
  const health = (HEALTHS as readonly string[]).includes(healthText) ? (healthText as Health) : null;
  if (!health && healthText !== '') errors.add(row, 'health', `"${text(v.health)}" is not one of ${HEALTHS.join(', ')}`);
  const record: UpdateRecord = {
    row,
    unitName: text(v.business_unit),
    pilotName: text(v.pilot_name),
    week: week(typed, options, errors),
    authorEmail: text(v.author_email),
    authorName: text(v.author_name),
    health: health ?? 'on_track',
    summary,
    confidence: whole(v.confidence, row, 'confidence', 1, 5, errors),
    activeUsers: whole(v.active_users, row, 'active_users', 0, MAX_USERS, errors),
    activeUsersOutsideTeam: whole(v.active_users_outside_team, row, 'active_users_outside_team', 0, MAX_USERS, errors),
    scaleQuestionAsked: v.scale_question_asked === true,
    resourcesRedirected: v.resources_redirected === true,
    pivotSuggested: v.pivot_suggested === true,
    readings: readings(typed, options, errors),
    blockers: blockers(typed, errors),
    resolvedBlockers: listCell(typed.raw.resolved_blockers),
  };
  if (record.activeUsersOutsideTeam > record.activeUsers) {
    errors.add(row, 'active_users_outside_team', `must not exceed active_users (${record.activeUsers})`);
  }
  if (record.week && isFutureWeek(record.week, new Date())) errors.add(row, 'week', 'must not be in the future');
  if (record.readings.length > 50 || record.blockers.length > 50) errors.add(row, null, 'at most 50 readings and 50 blockers per update');
  return record;
}
