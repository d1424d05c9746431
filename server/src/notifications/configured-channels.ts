import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChannelKindConfigured, WebhookEvent } from '@liftoff/shared';
import type { DeliveryChannel, DeliveryTarget, OutboxMessage, SendResult } from './delivery-channel';
import { slackMessage, teamsMessage } from './chat-payloads';
import { postJson, webhookSignature } from './http-post';
import { NotificationChannel } from './notification-channel.entity';

export interface ChannelSettings {
  publicUrl: string;
  timeoutMs: number;
}

/** The request one channel receives for one event. */
export function channelRequest(channel: NotificationChannel, event: WebhookEvent, publicUrl: string, now = new Date()): { body: string; headers: Record<string, string> } {
  if (channel.kind === 'slack') return { body: JSON.stringify(slackMessage(event, publicUrl)), headers: {} };
  if (channel.kind === 'teams') return { body: JSON.stringify(teamsMessage(event, publicUrl)), headers: {} };
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    body,
    headers: {
      'Liftoff-Event-Id': event.id,
      'Liftoff-Event-Type': event.type,
      'Liftoff-Timestamp': timestamp,
      'Liftoff-Signature': webhookSignature(channel.signingSecret ?? '', timestamp, body),
    },
  };
}

/** Sends one event to one stored channel (deliveries and the "send a test" button). */
export function sendToChannel(channel: NotificationChannel, event: WebhookEvent, settings: ChannelSettings): Promise<SendResult> {
  const request = channelRequest(channel, event, settings.publicUrl);
  return postJson(channel.url, request.body, request.headers, settings.timeoutMs);
}

/**
 * The delivery channel of one configured kind: news for everyone (no recipient list) goes to each
 * enabled channel of that kind subscribed to the event type. Personal messages go by email only.
 */
export class ConfiguredChannel implements DeliveryChannel {
  /** The enabled channels of this kind, read once per dispatch transaction (a batch asks for hundreds of messages). */
  private readonly enabledByTransaction = new WeakMap<EntityManager, Promise<{ id: string; name: string; event_types: string[] }[]>>();

  constructor(
    readonly kind: ChannelKindConfigured,
    private readonly dataSource: DataSource,
    private readonly settings: ChannelSettings,
  ) {}

  async targets(manager: EntityManager, message: OutboxMessage): Promise<DeliveryTarget[]> {
    if (message.recipientIds !== null) return [];
    let enabled = this.enabledByTransaction.get(manager);
    if (!enabled) {
      enabled = manager.query(`SELECT id, name, event_types FROM notification_channels WHERE kind = $1 AND enabled ORDER BY created_at, id`, [this.kind]);
      this.enabledByTransaction.set(manager, enabled);
    }
    return (await enabled)
      .filter((row) => row.event_types.includes(message.event.type))
      .map((row) => ({ kind: this.kind, channelId: row.id, personId: null, label: row.name }));
  }

  async send(target: DeliveryTarget, message: OutboxMessage): Promise<SendResult> {
    const channel = target.channelId ? await this.dataSource.manager.findOne(NotificationChannel, { where: { id: target.channelId } }) : null;
    if (!channel) return { ok: false, responseCode: null, error: 'The channel was deleted', retryable: false };
    if (!channel.enabled) return { ok: false, responseCode: null, error: 'The channel is turned off', retryable: false };
    return sendToChannel(channel, message.event, this.settings);
  }
}

/** The event a "send a test" button sends: a made-up update on a made-up pilot, clearly labelled. */
export function testEvent(now = new Date()): WebhookEvent {
  const pilot = { id: randomUUID(), name: 'Test pilot (Liftoff connection check)', stage: 'piloting' as const, businessUnitId: randomUUID() };
  return {
    id: randomUUID(),
    type: 'update.posted',
    occurredAt: now.toISOString(),
    data: {
      pilot,
      update: {
        id: randomUUID(),
        pilotId: pilot.id,
        pilotName: pilot.name,
        week: '2026-W01',
        author: { id: randomUUID(), name: 'Liftoff' },
        health: 'on_track',
        summary: 'This is a test message from Liftoff: the channel works. Nothing happened to any real pilot.',
        confidence: 5,
        activeUsers: 0,
        activeUsersOutsideTeam: 0,
        scaleQuestionAsked: false,
        resourcesRedirected: false,
        pivotSuggested: false,
        kpiReadings: [],
        blockers: [],
        version: 1,
        createdAt: now.toISOString(),
      },
    },
  };
}
