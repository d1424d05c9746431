/** How the audit trail puts a change into words: the audit page and the audit export both use it. */
import type { AuditEventView } from './api-decisions';

export interface FieldChange {
  field: string;
  /** The field as a person would name it ("Sponsor" for sponsor_id). */
  label: string;
  before: string;
  after: string;
}

/** Bookkeeping columns every row has; they change on every write and say nothing. */
const NOISE = new Set(['id', 'version', 'updated_at', 'updatedAt', 'created_at', 'createdAt', 'password_hash', 'passwordHash', 'token_hash', 'tokenHash']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each table holds, in words, for the "What" column. */
export const RECORD_LABELS: Record<string, string> = {
  pilots: 'pilot',
  weekly_updates: 'weekly update',
  blockers: 'blocker',
  decisions: 'decision',
  readiness_assessments: 'readiness assessment',
  kpis: 'KPI',
  kpi_readings: 'KPI reading',
  stage_changes: 'stage change',
  analysis_settings: 'stuck thresholds',
  people: 'person',
  business_units: 'business unit',
};

/** "sponsor_id" -> "Sponsor", "annual_value_at_scale" -> "Annual value at scale". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1_$2').replace(/_id$/i, '').split('_').join(' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How long a value shown in a change may be: the page shortens, an export keeps every character. */
export interface ChangeWording {
  maxLength: number;
}

const ON_SCREEN: ChangeWording = { maxLength: 80 };

function shorten(text: string, wording: ChangeWording): string {
  return text.length > wording.maxLength ? `${text.slice(0, wording.maxLength - 1)}…` : text;
}

/** A stored value in words: ids become names, flags yes / no, objects "key: value" pairs. */
function show(value: unknown, names: Record<string, string>, wording: ChangeWording): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return UUID.test(value) ? (names[value] ?? 'a removed record') : shorten(value.replace(/_/g, value.includes(' ') ? '_' : ' '), wording);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : shorten(value.map((item) => show(item, names, wording)).join(', '), wording);
  if (typeof value === 'object') {
    return shorten(
      Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${fieldLabel(key)}: ${inner && typeof inner === 'object' && 'answer' in inner ? show((inner as { answer: unknown }).answer, names, wording) : show(inner, names, wording)}`)
        .join('; '),
      wording,
    );
  }
  return String(value);
}

/** The fields an audit event changed (all of them for an insert or delete), in a readable form. */
export function changedFields(event: AuditEventView, wording: ChangeWording = ON_SCREEN): FieldChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const names = event.names ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !NOISE.has(field));
  return fields
    .filter((field) => event.action !== 'update' || JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, label: fieldLabel(field), before: show(before[field], names, wording), after: show(after[field], names, wording) }));
}

/** "pilot Claims triage", "weekly update of Claims triage", or the record type alone. */
export function subjectOf(event: AuditEventView, wording: ChangeWording = ON_SCREEN): string {
  const kind = RECORD_LABELS[event.entity] ?? event.entity.replace(/_/g, ' ');
  const names = event.names ?? {};
  const own = names[event.entityId];
  if (own) return `${kind} “${shorten(own, wording)}”`;
  const row = event.after ?? event.before ?? {};
  const pilotName = typeof row.pilot_id === 'string' ? names[row.pilot_id] : undefined;
  return pilotName ? `${kind} of “${pilotName}”` : kind;
}
