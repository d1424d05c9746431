import type { EntityManager } from 'typeorm';
import type { WebhookEvent } from '@liftoff/shared';

/**
 * The contract between the outbox (what happened) and the ways it leaves Liftoff (issue 13).
 * A write adds an `OutboxMessage` in its own transaction; a worker later fans it out into one
 * delivery per target that every registered `DeliveryChannel` names, and sends each delivery with
 * retries, recording every attempt. Channels never run inside the write.
 */
export type ChannelKind = 'email' | 'slack' | 'teams' | 'webhook';

export interface OutboxMessage {
  event: WebhookEvent;
  /**
   * null: news for everyone subscribed (channels that carry the event type, people who opted in).
   * A list: addressed to these people only (a reminder, an escalation, a personal digest), by email.
   */
  recipientIds: string[] | null;
}

/** One place one message goes: a configured channel (Slack, Teams, webhook) or a person's email. */
export interface DeliveryTarget {
  kind: ChannelKind;
  channelId: string | null;
  personId: string | null;
  /** What the delivery log shows: an email address or the channel's name, never a secret URL. */
  label: string;
}

export interface SendResult {
  ok: boolean;
  /** HTTP status, or the SMTP reply code. */
  responseCode: number | null;
  /** Why it failed, readable, without secrets. */
  error: string | null;
  /** false: retrying cannot help (a 4xx other than 408/429, an unknown address). */
  retryable: boolean;
}

export interface DeliveryChannel {
  readonly kind: ChannelKind;
  /** The targets a message goes to through this kind of channel (may be none). */
  targets(manager: EntityManager, message: OutboxMessage): Promise<DeliveryTarget[]>;
  /** Send one message to one target. Must not throw for a failed send: report it. */
  send(target: DeliveryTarget, message: OutboxMessage): Promise<SendResult>;
}

/**
 * Every channel kind registers itself here (in its module's `onModuleInit`); the fan-out and the
 * sender ask the registry, so adding a channel touches no other module.
 */
export class DeliveryChannelRegistry {
  private readonly channels = new Map<ChannelKind, DeliveryChannel>();

  register(channel: DeliveryChannel): void {
    if (this.channels.has(channel.kind)) throw new Error(`Delivery channel ${channel.kind} registered twice`);
    this.channels.set(channel.kind, channel);
  }

  all(): DeliveryChannel[] {
    return [...this.channels.values()];
  }

  get(kind: ChannelKind): DeliveryChannel | undefined {
    return this.channels.get(kind);
  }
}

/** Adds messages to the outbox inside the caller's transaction: they leave only if the write commits. */
export abstract class Outbox {
  abstract add(manager: EntityManager, message: OutboxMessage): Promise<void>;
}
