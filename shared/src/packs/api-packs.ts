/**
 * The REST contract of steering-committee packs: a dated, frozen snapshot of the portfolio that the
 * program office makes before each committee meeting, and what changed since the pack before it.
 */
import type { PersonRef } from '../api';
import type { Stage } from '../enums';
import type { StuckPilot } from '../api-analysis';
import type { DecisionView, ScaleQueueItem } from '../api-decisions';
import type { PortfolioOverview } from '../api-portfolio';

/** Where each pilot stood when the pack was made: what the comparison with the next pack reads. */
export interface PackPilot {
  id: string;
  name: string;
  stage: Stage;
}

export interface PackStageChange {
  pilotId: string;
  pilotName: string;
  fromStage: Stage | null;
  toStage: Stage;
  changedAt: string;
  changedBy: PersonRef | null;
  note: string | null;
}

/** Everything a pack shows, as it was when the pack was made. Never changes afterwards. */
export interface PackSnapshot {
  /** Start of the window the decisions and stage changes cover: the previous pack's time, or 90 days back for the first. */
  since: string;
  overview: PortfolioOverview;
  /** Every pilot with an open stuck flag, each flag with its evidence. */
  stuck: StuckPilot[];
  scaleQueue: ScaleQueueItem[];
  /** Decisions taken since `since`, oldest first. */
  decisions: DecisionView[];
  /** Stage moves since `since`, oldest first. */
  stageChanges: PackStageChange[];
  pilots: PackPilot[];
}

/** How many days the first pack looks back for decisions and stage changes. */
export const FIRST_PACK_LOOKBACK_DAYS = 90;

/** The sections of a pack in the order the pack page and its print view show them. */
export const PACK_SECTIONS = ['overview', 'changes', 'stuck', 'scale_queue', 'decisions', 'stage_changes'] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

export const PACK_SECTION_TITLES: Record<PackSection, string> = {
  overview: 'Portfolio at a glance',
  changes: 'Since the last pack',
  stuck: 'Stuck pilots and the evidence',
  scale_queue: 'Scale queue',
  decisions: 'Decisions taken',
  stage_changes: 'Pilots that changed stage',
};

/** A pack in the list: who made it and when, without its contents. */
export interface PackSummary {
  id: string;
  title: string;
  madeAt: string;
  madeBy: PersonRef;
  previousPackId: string | null;
  /** Headline figures, so the list reads without opening each pack. */
  pilots: number;
  stuckPilots: number;
  inScaleQueue: number;
  decisions: number;
}

export interface Pack extends PackSummary {
  snapshot: PackSnapshot;
  /** Against the previous pack; null for the first pack. */
  comparison: PackComparison | null;
  previousMadeAt: string | null;
}

export interface CreatePackRequest {
  title: string;
}

/** A pilot named in a comparison line. */
export interface PackPilotRef {
  pilotId: string;
  pilotName: string;
}

/** What changed between two packs, pilot by pilot. */
export interface PackComparison {
  scaled: PackPilotRef[];
  killed: PackPilotRef[];
  pivoted: PackPilotRef[];
  newStuck: PackPilotRef[];
  resolvedStuck: PackPilotRef[];
  enteredScaleQueue: PackPilotRef[];
}
