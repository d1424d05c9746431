import type { PackSummary } from '@liftoff/shared';

/** A pack row with its headline figures read out of the snapshot by `PACK_SUMMARY_SELECT`. */
export interface PackSummaryRow {
  id: string;
  title: string;
  made_at: Date;
  made_by_id: string;
  made_by_name: string;
  previous_pack_id: string | null;
  pilots: number;
  stuck_pilots: number;
  in_scale_queue: number;
  decisions: number;
}

/** The list reads the figures inside the database, so it never loads whole snapshots. */
export const PACK_SUMMARY_SELECT = `
  SELECT k.id, k.title, k.made_at, k.made_by_id, p.name AS made_by_name, k.previous_pack_id,
         (k.snapshot #>> '{overview,tiles,pilots}')::int AS pilots,
         jsonb_array_length(k.snapshot -> 'stuck') AS stuck_pilots,
         jsonb_array_length(k.snapshot -> 'scaleQueue') AS in_scale_queue,
         jsonb_array_length(k.snapshot -> 'decisions') AS decisions
    FROM packs k JOIN people p ON p.id = k.made_by_id`;

export function toPackSummary(row: PackSummaryRow): PackSummary {
  return {
    id: row.id,
    title: row.title,
    madeAt: new Date(row.made_at).toISOString(),
    madeBy: { id: row.made_by_id, name: row.made_by_name },
    previousPackId: row.previous_pack_id,
    pilots: row.pilots,
    stuckPilots: row.stuck_pilots,
    inScaleQueue: row.in_scale_queue,
    decisions: row.decisions,
  };
}
