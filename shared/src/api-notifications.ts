/**
 * Notification channels (Slack, Teams, signed webhooks) the program office configures, and the
 * delivery log of what was sent where (issue 13).
 */
import type { WebhookEventType } from './webhook-events';

/** Short names of the event types, for the channel form and the delivery log. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'update.posted': 'Weekly update posted',
  'stuck_sign.opened': 'Stuck sign appeared',
  'stuck_sign.resolved': 'Stuck sign cleared',
  'recommendation.changed': 'Recommendation changed',
  'decision.recorded': 'Decision recorded',
  'update.reminder': 'Update reminder',
  'portfolio.digest': 'Portfolio digest',
  'import.completed': 'Import summary',
  'thresholds.changed': 'Thresholds changed',
};

export const CHANNEL_KIND_LABELS: Record<'email' | 'slack' | 'teams' | 'webhook', string> = {
  email: 'Email',
  slack: 'Slack',
  teams: 'Microsoft Teams',
  webhook: 'Webhook (signed JSON)',
};

/** The channel kinds configured in Settings (email goes to people, not to a configured channel). */
export const CHANNEL_KINDS = ['slack', 'teams', 'webhook'] as const;
export type ChannelKindConfigured = (typeof CHANNEL_KINDS)[number];

/** Every kind a delivery can go through. */
export const DELIVERY_KINDS = ['email', 'slack', 'teams', 'webhook'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** pending: waiting for its first or next attempt; delivered: final; failed: gave up after the last attempt. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Longest channel name. */
export const CHANNEL_NAME_MAX = 120;
/** Longest channel URL. */
export const CHANNEL_URL_MAX = 2000;

/** Only http(s) URLs with a host: what a channel may post to. */
export function isChannelUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A channel as the API shows it: the URL masked, the signing secret never. */
export interface NotificationChannelView {
  id: string;
  kind: ChannelKindConfigured;
  name: string;
  /** Scheme and host, the rest masked (`https://hooks.example.com/…`). */
  maskedUrl: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Webhooks sign their requests; the secret itself is only shown on create and rotate. */
  signed: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The answer to create and rotate of a webhook: the only time its signing secret is shown. */
export interface NotificationChannelWithSecret extends NotificationChannelView {
  /** Present for webhooks; keep it where the receiver can read it, it is not shown again. */
  signingSecret: string | null;
}

export interface CreateNotificationChannelRequest {
  kind: ChannelKindConfigured;
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled?: boolean;
}

/** Changes to a channel; `url` only when it changes (the stored one is never sent back). */
export interface EditNotificationChannelRequest {
  version: number;
  name?: string;
  url?: string;
  eventTypes?: WebhookEventType[];
  enabled?: boolean;
}

/** What a test send did. */
export interface ChannelTestResult {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One row of the delivery log. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  kind: DeliveryKind;
  /** The channel's name or the person's email, never a URL. */
  target: string;
  channelId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** When the next try is due while pending. */
  nextAttemptAt: string | null;
}

export interface DeliveryListQuery {
  status?: DeliveryStatus;
  kind?: DeliveryKind;
  page?: number;
  pageSize?: number;
}
