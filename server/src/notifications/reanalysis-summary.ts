import { randomUUID } from 'node:crypto';
import {
  SUMMARY_MAX_PILOTS,
  THRESHOLD_LABELS,
  type ImportCompletedEvent,
  type NewlyStuckPilot,
  type PersonRef,
  type ReanalysisSummary,
  type RecommendationCounts,
  type ThresholdsChangedEvent,
} from '@liftoff/shared';
import type { AnalysisChangedEvent, ImportCommittedEvent, ThresholdsChangedEvent as ThresholdsChangedDomainEvent } from '../events/domain-events';
import type { EntityManager } from 'typeorm';
import { FLAG_SELECT, type FlagRow } from '../signals/flag.mapper';

/**
 * What a transaction's re-analysis found, counted: signs opened (and still open at commit) and
 * resolved, the pilots it found stuck (most new signs first, then by name), and how many
 * recommendations changed to what. `flags` are the rows of the opened and resolved flags at commit.
 */
export function reanalysisSummary(changes: AnalysisChangedEvent, flags: FlagRow[], base: string): ReanalysisSummary {
  const opened = new Set(changes.openedFlagIds);
  const stuck = new Map<string, NewlyStuckPilot>();
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
  // A pilot re-analysed twice in one transaction counts once, with what it says last.
  const latest = new Map(changes.recommendationChanges.map((change) => [change.pilotId, change.current.action]));
  const recommendationsNow: RecommendationCounts = { scale: 0, pivot: 0, kill: 0, keep_piloting: 0 };
  for (const action of latest.values()) recommendationsNow[action] += 1;
  return {
    stuckSignsOpened,
    stuckSignsResolved,
    newlyStuckCount: newlyStuck.length,
    newlyStuck: newlyStuck.slice(0, SUMMARY_MAX_PILOTS),
    recommendationsChanged: latest.size,
    recommendationsNow,
    stuckUrl: `${base}/stuck`,
  };
}

/** `reanalysisSummary` of a transaction's changes, reading their flags as they stand in it. */
export async function loadReanalysisSummary(manager: EntityManager, changes: AnalysisChangedEvent, base: string): Promise<ReanalysisSummary> {
  const flagIds = [...changes.openedFlagIds, ...changes.resolvedFlagIds];
  const flags: FlagRow[] = flagIds.length ? await manager.query(`${FLAG_SELECT} WHERE f.id = ANY($1::uuid[]) ORDER BY f.pilot_id, f.kind`, [flagIds]) : [];
  return reanalysisSummary(changes, flags, base);
}

const envelope = () => ({ id: randomUUID(), occurredAt: new Date().toISOString() });

/** An import's one event: what it wrote, and what re-analysing its pilots found. */
export function importCompletedEvent(committed: ImportCommittedEvent, importedBy: PersonRef | null, summary: ReanalysisSummary): ImportCompletedEvent {
  const { kind, fileName, rowCount, created, updated, unchanged } = committed;
  return { ...envelope(), type: 'import.completed', data: { ...summary, kind, fileName, importedBy, rowCount, created, updated, unchanged } };
}

/** A threshold change's one event: which thresholds moved, and what re-assessing the portfolio found. */
export function thresholdsChangedEvent(changed: ThresholdsChangedDomainEvent, changedBy: PersonRef | null, summary: ReanalysisSummary, base: string): ThresholdsChangedEvent {
  const changes = changed.changes.map((c) => ({ ...c, label: THRESHOLD_LABELS[c.key] }));
  return { ...envelope(), type: 'thresholds.changed', data: { ...summary, changedBy, changes, settingsUrl: `${base}/settings` } };
}
