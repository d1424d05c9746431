/**
 * Typed domain events. A write emits one inside its transaction; listeners registered with
 * `DomainEvents.on` run in that same transaction, so whatever they change commits or rolls back
 * with the write. Writers declare what happened; they never call the side effects themselves.
 */
import type { ImportKind, RecommendationAction, ThresholdKey } from '@liftoff/shared';

/** What changed about a pilot's analysis inputs. */
export const PILOT_CHANGES = [
  'update_posted',
  'update_edited',
  'blocker_resolved',
  'blocker_reopened',
  'blockers_merged',
  'blocker_split',
  'kpi_created',
  'kpi_edited',
  'kpi_deleted',
  'pilot_created',
  'pilot_edited',
  'stage_changed',
  'assessment_recorded',
  'decision_recorded',
] as const;
export type PilotChange = (typeof PILOT_CHANGES)[number];

export interface PilotChangedEvent {
  type: 'pilot.changed';
  change: PilotChange;
  pilotId: string;
  /** Who made the write; null for the system (seed, import, jobs). */
  actorId: string | null;
  /** The record the change is about when there is one (the posted update, the recorded decision). */
  subjectId?: string;
}

/** The program office changed the stuck thresholds: every pilot's analysis may change. */
export interface ThresholdsChangedEvent {
  type: 'thresholds.changed';
  actorId: string | null;
  /** The thresholds whose value in force changed (none when the save repeated the values). */
  changes: { key: ThresholdKey; from: number; to: number }[];
}

/** A recommendation as it was or is stored, in the words a notification needs. */
export interface StoredRecommendation {
  action: RecommendationAction;
  reasons: string[];
  readinessScore: number;
}

/**
 * The stored analysis changed (a write's re-analysis or a sweep): flags opened or resolved,
 * recommended actions changed. Emitted only when something did, once per batch of pilots.
 */
export interface AnalysisChangedEvent {
  type: 'analysis.changed';
  openedFlagIds: string[];
  resolvedFlagIds: string[];
  recommendationChanges: { pilotId: string; previous: StoredRecommendation | null; current: StoredRecommendation }[];
}

/**
 * A spreadsheet import wrote its rows (emitted after their pilots' changes, in the same transaction).
 * The analysis changes of that transaction are announced as one summary of the import.
 */
export interface ImportCommittedEvent {
  type: 'import.committed';
  kind: ImportKind;
  fileName: string;
  actorId: string | null;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
}

export type DomainEvent = PilotChangedEvent | ThresholdsChangedEvent | AnalysisChangedEvent | ImportCommittedEvent;
export type DomainEventType = DomainEvent['type'];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
