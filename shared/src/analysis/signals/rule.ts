/** Shared vocabulary of the signal rules. */
import type { Stage } from '../../enums';
import { isClosedStage } from '../../stages';
import { formatDay } from '../dates';
import type { SignalThresholds } from '../thresholds';
import type { TimelinePosition } from '../timeline';
import type { PilotHistory, SignalKind, SignalResult } from '../types';
import { weekStartMs } from '../week-index';

/** "Today" is an input so that every rule is a pure function of its arguments. */
export interface SignalContext {
  today: Date;
  thresholds: SignalThresholds;
  /**
   * The pilot's `timelinePosition(history, today, thresholds)` when the caller has worked it out
   * already (`analysePilot` does, once for the rules and the recommendation); else each reader does.
   */
  timeline?: TimelinePosition;
}

/**
 * Every rule returns an array. Rules about the pilot as a whole return exactly one result (firing
 * or not, with the evidence either way); rules about several subjects (repeated_blocker: one per
 * open blocker) return one result per subject, each with its `subjectKey`, possibly none at all.
 */
export type SignalRule = (history: PilotHistory, ctx: SignalContext) => SignalResult[];

/** Production, pivoted and killed pilots are out of pilot purgatory: no rule fires for them. */
export { isClosedStage };

/**
 * Stages whose activity the rules watch: not closed and not paused. A paused pilot accrues no
 * activity flags (its clock stands still, see `timeline.ts`); only decision_overdue still looks at it.
 */
export function isMonitoredStage(stage: Stage): boolean {
  return !isClosedStage(stage) && stage !== 'paused';
}

/** The Monday that starts an ISO week, as the `YYYY-MM-DD` a `SignalResult.since` holds. */
export function mondayOf(week: string): string {
  return formatDay(weekStartMs(week));
}

/** `{ since }` for a firing result, nothing for a quiet one: only a firing condition has a start. */
export function sinceIf(fires: boolean, since: string | null | undefined): { since?: string } {
  return fires && since ? { since } : {};
}

export function quiet(kind: SignalKind, summary: string, evidence: Record<string, unknown> = {}): SignalResult {
  return { kind, fires: false, summary, evidence };
}

export function notApplicable(kind: SignalKind, stage: Stage): SignalResult {
  return quiet(kind, `Not checked while the pilot is ${stage}.`, { applicable: false, stage });
}
