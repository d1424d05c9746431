import type { EntityManager } from 'typeorm';
import { isUpdateDue, UPDATE_STAGES, weeksMissing, type Stage } from '@liftoff/shared';

/** A pilot as the reminder rule sees it, for one ISO week. */
export interface DuePilotRow {
  id: string;
  name: string;
  stage: Stage;
  businessUnitId: string;
  leadId: string;
  leadName: string;
  /** Null when there is none, or they are deactivated (nobody to tell). */
  sponsorId: string | null;
  week: string;
  lastUpdateWeek: string | null;
  weeksMissing: number;
}

interface RawRow {
  id: string;
  name: string;
  stage: Stage;
  business_unit_id: string;
  lead_id: string;
  lead_name: string;
  sponsor_id: string | null;
  start_date: string;
  week: string;
  last_update_week: string | null;
  has_update: boolean;
}

// ISO week strings (`2026-W05`) sort in time order, so max() is the latest week posted.
const SELECT = `
  SELECT p.id, p.name, p.stage, p.business_unit_id, p.lead_id, lead.name AS lead_name,
         CASE WHEN sponsor.deactivated_at IS NULL THEN p.sponsor_id END AS sponsor_id,
         to_char(p.start_date, 'YYYY-MM-DD') AS start_date, t.week,
         (SELECT max(u.week) FROM weekly_updates u WHERE u.pilot_id = p.id) AS last_update_week,
         EXISTS (SELECT 1 FROM weekly_updates u WHERE u.pilot_id = p.id AND u.week = t.week) AS has_update
  FROM pilots p
  JOIN people lead ON lead.id = p.lead_id
  LEFT JOIN people sponsor ON sponsor.id = p.sponsor_id`;

function toDue(rows: RawRow[]): DuePilotRow[] {
  return rows
    .filter((row) => isUpdateDue({ stage: row.stage, hasUpdateForWeek: row.has_update }))
    .map((row) => ({
      id: row.id,
      name: row.name,
      stage: row.stage,
      businessUnitId: row.business_unit_id,
      leadId: row.lead_id,
      leadName: row.lead_name,
      sponsorId: row.sponsor_id,
      week: row.week,
      lastUpdateWeek: row.last_update_week,
      weeksMissing: weeksMissing({ lastUpdateWeek: row.last_update_week, startDate: row.start_date }, row.week),
    }));
}

/** The due pilots of each lead for that lead's week (weeks differ by zone), by name. */
export function duePilotsOfLeads(manager: EntityManager, leads: { leadId: string; week: string }[]): Promise<DuePilotRow[]> {
  return duePilotsFor(manager, 'p.lead_id', leads.map((l) => ({ id: l.leadId, week: l.week })));
}

/** Of these pilots (each for its week), the ones whose update is still missing. */
export function stillDuePilots(manager: EntityManager, pilots: { pilotId: string; week: string }[]): Promise<DuePilotRow[]> {
  return duePilotsFor(manager, 'p.id', pilots.map((p) => ({ id: p.pilotId, week: p.week })));
}

/** Pilots that take updates and miss the week paired with `key` (their lead's id or their own). */
async function duePilotsFor(manager: EntityManager, key: 'p.lead_id' | 'p.id', pairs: { id: string; week: string }[]): Promise<DuePilotRow[]> {
  if (!pairs.length) return [];
  const rows: RawRow[] = await manager.query(
    `${SELECT}
     JOIN unnest($1::uuid[], $2::text[]) AS t(key_id, week) ON t.key_id = ${key}
     WHERE p.stage::text = ANY($3)
     ORDER BY p.name, p.id`,
    [pairs.map((pair) => pair.id), pairs.map((pair) => pair.week), UPDATE_STAGES],
  );
  return toDue(rows);
}
