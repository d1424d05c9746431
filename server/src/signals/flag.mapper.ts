import type { SignalFlag as SignalFlagView } from '@liftoff/shared';

/** Raw row of `FLAG_SELECT`: a flag with its pilot's name, unit and stage. */
export interface FlagRow {
  id: string;
  pilot_id: string;
  pilot_name: string;
  business_unit_id: string;
  business_unit_name: string;
  stage: SignalFlagView['stage'];
  kind: SignalFlagView['kind'];
  subject_key: string;
  status: SignalFlagView['status'];
  summary: string;
  evidence: Record<string, unknown>;
  condition_since: string | null;
  opened_at: Date;
  last_seen_at: Date;
  resolved_at: Date | null;
}

export const FLAG_SELECT = `
  SELECT f.id, f.pilot_id, p.name AS pilot_name, p.business_unit_id, bu.name AS business_unit_name, p.stage,
         f.kind, f.subject_key, f.status, f.summary, f.evidence,
         to_char(f.condition_since, 'YYYY-MM-DD') AS condition_since, f.opened_at, f.last_seen_at, f.resolved_at
    FROM signal_flags f
    JOIN pilots p ON p.id = f.pilot_id
    JOIN business_units bu ON bu.id = p.business_unit_id`;

export function toFlagView(row: FlagRow): SignalFlagView {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    pilotName: row.pilot_name,
    businessUnitId: row.business_unit_id,
    businessUnitName: row.business_unit_name,
    stage: row.stage,
    kind: row.kind,
    subjectKey: row.subject_key,
    status: row.status,
    summary: row.summary,
    evidence: row.evidence,
    conditionSince: row.condition_since,
    openedAt: new Date(row.opened_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
  };
}
