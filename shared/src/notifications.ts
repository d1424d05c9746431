/**
 * What each person receives by email (issue 13): one switch per event type, plus their time zone.
 * The server and the account page both read the labels and defaults from here.
 */
import type { WebhookEventType } from './webhook-events';

/** What a person gets without having chosen: the reminders addressed to them and the weekly digest. */
export const DEFAULT_EMAIL_EVENT_TYPES: readonly WebhookEventType[] = ['update.reminder', 'portfolio.digest'];

/** How the account page and the unsubscribe page name each event type. */
export const NOTIFICATION_EVENT_LABELS: Record<WebhookEventType, string> = {
  'update.posted': 'A weekly update is posted',
  'stuck_sign.opened': 'A pilot shows a stuck sign',
  'stuck_sign.resolved': 'A stuck sign clears',
  'recommendation.changed': 'The recommendation for a pilot changes',
  'decision.recorded': 'A decision is recorded on a pilot',
  'update.reminder': 'Reminders about missing weekly updates',
  'portfolio.digest': 'The weekly portfolio digest',
  'import.completed': 'A spreadsheet import is committed (one summary of the stuck signs it found)',
  'thresholds.changed': 'The stuck thresholds change (one summary of the stuck signs they open or clear)',
};

/** My notification settings. */
export interface NotificationSettings {
  /** IANA zone: reminders and digests arrive at a set hour of my own day. */
  timeZone: string;
  /** The event types that reach me by email. */
  emailEvents: WebhookEventType[];
  /** False while the server has no SMTP_URL: the choices are kept but nothing is sent. */
  emailConfigured: boolean;
  /** The person's version: send it back to save, so two tabs never overwrite each other silently. */
  version: number;
}

export interface UpdateNotificationSettingsRequest {
  timeZone: string;
  emailEvents: WebhookEventType[];
  version: number;
}

/** The answer of the unsubscribe link. */
export interface NotificationUnsubscribed {
  eventType: WebhookEventType;
  /** The readable name of what was turned off. */
  label: string;
  message: string;
}
