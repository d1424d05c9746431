import type { AuditEventView } from '@liftoff/shared';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping columns every row has; they change on every write and say nothing. */
const NOISE = new Set(['version', 'updated_at', 'updatedAt', 'created_at', 'createdAt', 'password_hash', 'passwordHash']);

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The fields an audit event changed (all of them for an insert or delete), in a readable form. */
export function changedFields(event: AuditEventView): FieldChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !NOISE.has(field));
  return fields
    .filter((field) => event.action !== 'update' || JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}
