import { randomUUID } from 'node:crypto';
import { IMPORT_SUMMARY_MAX_PILOTS, type ImportCompletedEvent, type ImportStuckPilot, type PersonRef, type RecommendationCounts } from '@liftoff/shared';
import type { AnalysisChangedEvent, ImportCommittedEvent } from '../events/domain-events';
import type { FlagRow } from '../signals/flag.mapper';

export interface ImportSummaryInput {
  committed: ImportCommittedEvent;
  importedBy: PersonRef | null;
  /** The analysis changes of the import's transaction, merged. */
  changes: AnalysisChangedEvent;
  /** The rows of the flags those changes opened or resolved, as they stand at commit. */
  flags: FlagRow[];
  /** The dashboard's address (PUBLIC_URL). */
  base: string;
}

/**
 * One event for a whole import: counts of what its re-analysis opened, resolved and changed, and the
 * pilots it found stuck (most new signs first, then by name). A flag counts as opened only if it is
 * still open at commit, as the per-sign events would have counted it.
 */
export function importSummaryEvent({ committed, importedBy, changes, flags, base }: ImportSummaryInput): ImportCompletedEvent {
  const opened = new Set(changes.openedFlagIds);
  const stuck = new Map<string, ImportStuckPilot>();
  let stuckSignsOpened = 0;
  let stuckSignsResolved = 0;
  for (const row of flags) {
    if (opened.has(row.id) && row.status === 'open') {
      stuckSignsOpened += 1;
      const entry = stuck.get(row.pilot_id) ?? {
        pilot: { id: row.pilot_id, name: row.pilot_name, stage: row.stage, businessUnitId: row.business_unit_id },
        stuckSigns: [],
        url: `${base}/pilots/${row.pilot_id}`,
      };
      entry.stuckSigns.push(row.summary);
      stuck.set(row.pilot_id, entry);
    } else if (!opened.has(row.id) && row.status === 'resolved') {
      stuckSignsResolved += 1;
    }
  }
  const newlyStuck = [...stuck.values()].sort((a, b) => b.stuckSigns.length - a.stuckSigns.length || a.pilot.name.localeCompare(b.pilot.name));
  // A pilot re-analysed twice in one import counts once, with what it says last.
  const latest = new Map(changes.recommendationChanges.map((change) => [change.pilotId, change.current.action]));
  const recommendationsNow: RecommendationCounts = { scale: 0, pivot: 0, kill: 0, keep_piloting: 0 };
  for (const action of latest.values()) recommendationsNow[action] += 1;
  const { kind, fileName, rowCount, created, updated, unchanged } = committed;
  return {
    id: randomUUID(),
    type: 'import.completed',
    occurredAt: new Date().toISOString(),
    data: {
      kind,
      fileName,
      importedBy,
      rowCount,
      created,
      updated,
      unchanged,
      stuckSignsOpened,
      stuckSignsResolved,
      newlyStuckCount: newlyStuck.length,
      newlyStuck: newlyStuck.slice(0, IMPORT_SUMMARY_MAX_PILOTS),
      recommendationsChanged: latest.size,
      recommendationsNow,
      stuckUrl: `${base}/stuck`,
    },
  };
}
