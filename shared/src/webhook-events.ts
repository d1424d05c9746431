/**
 * Outbound webhook payloads: what Liftoff will POST to a subscriber's URL when something happens to a
 * pilot. The sender (not built yet) builds these types and nothing else, and the OpenAPI document
 * describes them (`x-webhooks`), so integrators can generate types for their receivers.
 * Resources inside `data` have the same shape as the REST API returns for them.
 */
import type { PersonRef, WeeklyUpdate } from './api';
import type { SignalFlag } from './api-analysis';
import type { DecisionView } from './api-decisions';
import type { RecommendationAction } from './analysis/types';
import type { Health, Stage } from './enums';
import type { ThresholdKey } from './analysis/thresholds';
import type { ApiSchemaName } from './api-schemas';
import type { ImportKind } from './api-imports';

export const WEBHOOK_EVENT_TYPES = [
  'update.posted',
  'stuck_sign.opened',
  'stuck_sign.resolved',
  'recommendation.changed',
  'decision.recorded',
  'update.reminder',
  'portfolio.digest',
  'import.completed',
  'thresholds.changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The pilot an event is about, enough to show it and to fetch the rest from `GET /api/pilots/{id}`. */
export interface WebhookPilotRef {
  id: string;
  name: string;
  stage: Stage;
  businessUnitId: string;
}

/** Every delivery has this envelope; `data` depends on `type`. (Plain interfaces, not a generic: each gets a stable schema name.) */
export interface WebhookEnvelope {
  /** Unique per event: a receiver that sees the same id twice (a retried delivery) should ignore the second. */
  id: string;
  type: WebhookEventType;
  /** When the event happened (ISO-8601), not when it was delivered. */
  occurredAt: string;
}

/** A pilot lead posted the weekly update of a pilot. */
export interface UpdatePostedEvent extends WebhookEnvelope {
  type: 'update.posted';
  data: { pilot: WebhookPilotRef; update: WeeklyUpdate };
}

/** A stuck sign appeared on a pilot (a sweep or a write found the condition). */
export interface StuckSignOpenedEvent extends WebhookEnvelope {
  type: 'stuck_sign.opened';
  data: { pilot: WebhookPilotRef; flag: SignalFlag };
}

/** A stuck sign went away (its condition no longer holds); `flag.resolvedAt` says when. */
export interface StuckSignResolvedEvent extends WebhookEnvelope {
  type: 'stuck_sign.resolved';
  data: { pilot: WebhookPilotRef; flag: SignalFlag };
}

/** The recommendation for a pilot, as stated when the change was seen. */
export interface WebhookRecommendation {
  action: RecommendationAction;
  reasons: string[];
  /** 0–100, the pilot's readiness to scale. */
  readinessScore: number;
}

/** The recommended action for a pilot changed; `previous` is null for a pilot's first recommendation. */
export interface RecommendationChangedEvent extends WebhookEnvelope {
  type: 'recommendation.changed';
  data: { pilot: WebhookPilotRef; previous: WebhookRecommendation | null; current: WebhookRecommendation };
}

/** An executive or the program office recorded a decision (scale, pivot, kill, continue) on a pilot. */
export interface DecisionRecordedEvent extends WebhookEnvelope {
  type: 'decision.recorded';
  data: { pilot: WebhookPilotRef; decision: DecisionView };
}

/** Who a reminder is for: the lead first, then (after a grace period) the sponsor, then the program office. */
export const REMINDER_LEVELS = ['lead', 'sponsor', 'program_office'] as const;
export type ReminderLevel = (typeof REMINDER_LEVELS)[number];

/** One pilot whose weekly update is missing, as a reminder lists it. */
export interface ReminderPilot {
  pilot: WebhookPilotRef;
  /** Who is expected to post. */
  lead: PersonRef;
  /** Weeks in a row without an update, this one included. */
  weeksMissing: number;
  /** The dashboard's form for this pilot's update. */
  updateUrl: string;
}

/**
 * Weekly updates are missing: a nudge to the lead, or an escalation to the sponsor or the program
 * office once the grace period passed. One event per recipient lists all of their pilots concerned.
 */
export interface UpdateReminderEvent extends WebhookEnvelope {
  type: 'update.reminder';
  data: {
    level: ReminderLevel;
    /** Who the reminder is addressed to. */
    recipient: PersonRef;
    /** The ISO week the updates are for (`2026-W14`). */
    week: string;
    pilots: ReminderPilot[];
  };
}

/** One pilot line of the digest. */
export interface DigestPilot {
  pilot: WebhookPilotRef;
  health: Health | null;
  /** Summaries of the pilot's open stuck signs. */
  stuckSigns: string[];
  recommendedAction: RecommendationAction | null;
  /** The pilot's page in the dashboard. */
  url: string;
  /** True when the digest's recipient sponsors or leads this pilot (their own pilots come first). */
  own: boolean;
}

/** A decision of the period, as the digest lists it. */
export interface DigestDecision {
  pilot: WebhookPilotRef;
  decision: DecisionView;
  url: string;
  own: boolean;
}

/** The weekly summary of the portfolio: what got stuck, what moved, which decisions are due. */
export interface PortfolioDigestEvent extends WebhookEnvelope {
  type: 'portfolio.digest';
  data: {
    /** The person it was composed for (their own pilots first); null for a channel. */
    recipient: PersonRef | null;
    /** The period covered, as calendar dates (`YYYY-MM-DD`), both included. */
    from: string;
    to: string;
    activePilots: number;
    updatesPosted: number;
    /** Stuck signs that opened during the period, by pilot. */
    newlyStuck: DigestPilot[];
    /** Pilots whose stuck signs all resolved during the period. */
    unstuck: DigestPilot[];
    /** Pilots that entered the scale queue during the period. */
    enteredScaleQueue: DigestPilot[];
    decisions: DigestDecision[];
    /** Pilots whose review date has passed without a decision. */
    reviewsOverdue: DigestPilot[];
    /** Pilots with no update for the silence threshold. */
    silent: DigestPilot[];
    /** The dashboard's overview. */
    dashboardUrl: string;
  };
}

/** A pilot on which a change opened stuck signs, as a summary lists it. */
export interface NewlyStuckPilot {
  pilot: WebhookPilotRef;
  /** Summaries of the stuck signs that opened on it. */
  stuckSigns: string[];
  /** The pilot's page in the dashboard. */
  url: string;
}

/** How many changed recommendations now say each action. */
export type RecommendationCounts = Record<RecommendationAction, number>;

/** How many pilots a summary names (the rest are counted). */
export const SUMMARY_MAX_PILOTS = 20;

/**
 * What re-analysing many pilots at once found, told once: a change that re-analyses a whole
 * portfolio or a file of it sends this instead of a stuck-sign or recommendation event per sign and pilot.
 */
export interface ReanalysisSummary {
  stuckSignsOpened: number;
  stuckSignsResolved: number;
  /** Pilots on which stuck signs opened, in all; `newlyStuck` lists the first of them. */
  newlyStuckCount: number;
  /** Up to `SUMMARY_MAX_PILOTS` pilots, the most new signs first. */
  newlyStuck: NewlyStuckPilot[];
  recommendationsChanged: number;
  /** The changed recommendations by what they now say. */
  recommendationsNow: RecommendationCounts;
  /** The dashboard's list of stuck pilots. */
  stuckUrl: string;
}

export interface ImportCompletedData extends ReanalysisSummary {
  kind: ImportKind;
  /** The file's name as uploaded. */
  fileName: string;
  /** Null when no person is known for the import. */
  importedBy: PersonRef | null;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** A spreadsheet import was committed: what it wrote and what re-analysing its pilots found. */
export interface ImportCompletedEvent extends WebhookEnvelope {
  type: 'import.completed';
  data: ImportCompletedData;
}

/** One threshold the program office changed. */
export interface ThresholdChange {
  key: ThresholdKey;
  /** The settings page's name for it. */
  label: string;
  from: number;
  to: number;
}

export interface ThresholdsChangedData extends ReanalysisSummary {
  changedBy: PersonRef | null;
  changes: ThresholdChange[];
  /** The dashboard's settings page. */
  settingsUrl: string;
}

/** The program office changed the stuck thresholds, and the whole portfolio was re-assessed with them. */
export interface ThresholdsChangedEvent extends WebhookEnvelope {
  type: 'thresholds.changed';
  data: ThresholdsChangedData;
}

export type WebhookEvent =
  | UpdatePostedEvent
  | StuckSignOpenedEvent
  | StuckSignResolvedEvent
  | RecommendationChangedEvent
  | DecisionRecordedEvent
  | UpdateReminderEvent
  | PortfolioDigestEvent
  | ImportCompletedEvent
  | ThresholdsChangedEvent;

export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

/** The event types with the schema name the OpenAPI document gives their payload. */
export const WEBHOOK_EVENT_SCHEMAS: Record<WebhookEventType, ApiSchemaName> = {
  'update.posted': 'UpdatePostedEvent',
  'stuck_sign.opened': 'StuckSignOpenedEvent',
  'stuck_sign.resolved': 'StuckSignResolvedEvent',
  'recommendation.changed': 'RecommendationChangedEvent',
  'decision.recorded': 'DecisionRecordedEvent',
  'update.reminder': 'UpdateReminderEvent',
  'portfolio.digest': 'PortfolioDigestEvent',
  'import.completed': 'ImportCompletedEvent',
  'thresholds.changed': 'ThresholdsChangedEvent',
};
