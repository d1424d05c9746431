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
import type { ApiSchemaName } from './api-schemas';

export const WEBHOOK_EVENT_TYPES = [
  'update.posted',
  'stuck_sign.opened',
  'stuck_sign.resolved',
  'recommendation.changed',
  'decision.recorded',
  'update.reminder',
  'portfolio.digest',
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

/** A pilot's weekly update is due or overdue: a nudge to its lead. */
export interface UpdateReminderEvent extends WebhookEnvelope {
  type: 'update.reminder';
  data: {
    pilot: WebhookPilotRef;
    /** Who is expected to post; null when the pilot has no lead. */
    lead: PersonRef | null;
    /** The ISO week the update is for (`2026-W14`). */
    week: string;
    /** Weeks in a row without an update, this one included. */
    weeksMissing: number;
  };
}

/** One pilot line of the digest. */
export interface DigestPilot {
  pilot: WebhookPilotRef;
  health: Health | null;
  /** Summaries of the pilot's open stuck signs. */
  stuckSigns: string[];
  recommendedAction: RecommendationAction | null;
}

/** The periodic summary of the portfolio: what got stuck, what moved, which decisions are due. */
export interface PortfolioDigestEvent extends WebhookEnvelope {
  type: 'portfolio.digest';
  data: {
    /** The period covered, as calendar dates (`YYYY-MM-DD`), both included. */
    from: string;
    to: string;
    activePilots: number;
    updatesPosted: number;
    decisionsRecorded: number;
    newlyStuck: DigestPilot[];
    unstuck: DigestPilot[];
    /** Pilots whose next review date falls in the coming period. */
    reviewsDue: DigestPilot[];
  };
}

export type WebhookEvent =
  | UpdatePostedEvent
  | StuckSignOpenedEvent
  | StuckSignResolvedEvent
  | RecommendationChangedEvent
  | DecisionRecordedEvent
  | UpdateReminderEvent
  | PortfolioDigestEvent;

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
};
