import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@liftoff/shared';
import type { AppConfig } from '../../config/config.schema';
import { NotificationKey } from './notification-preference.entity';

export interface UnsubscribeClaim {
  personId: string;
  eventType: WebhookEventType;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Unsubscribe links carry `person.event.type.signature`: an HMAC-SHA256 under a key derived (HKDF) from
 * NOTIFICATION_SECRET, or from a random key the database keeps. Anyone holding the link may turn that
 * one event type off for that one person, and nothing else.
 */
@Injectable()
export class UnsubscribeTokens {
  private key: Promise<Buffer> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async sign(claim: UnsubscribeClaim): Promise<string> {
    const payload = `${claim.personId}.${claim.eventType}`;
    return `${payload}.${await this.mac(payload)}`;
  }

  /** The claim of a genuine token, or null for anything else. */
  async verify(token: string): Promise<UnsubscribeClaim | null> {
    // Event types contain dots themselves: the person is before the first dot, the signature after the last.
    const first = token.indexOf('.');
    const last = token.lastIndexOf('.');
    if (first < 0 || last <= first) return null;
    const [personId, eventType, signature] = [token.slice(0, first), token.slice(first + 1, last), token.slice(last + 1)];
    if (!UUID.test(personId) || !signature) return null;
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType)) return null;
    const expected = Buffer.from(await this.mac(`${personId}.${eventType}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { personId: personId.toLowerCase(), eventType: eventType as WebhookEventType };
  }

  private async mac(payload: string): Promise<string> {
    return createHmac('sha256', await this.signingKey()).update(payload).digest('base64url');
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= this.loadSecret().then((secret) => Buffer.from(hkdfSync('sha256', secret, 'liftoff', 'unsubscribe-link', 32)));
    this.key.catch(() => (this.key = null));
    return this.key;
  }

  private async loadSecret(): Promise<string> {
    const configured = this.config.get('NOTIFICATION_SECRET', { infer: true });
    if (configured) return configured;
    // The first server to start makes the key; every other one reads the same row.
    await this.dataSource.query('INSERT INTO notification_keys (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [randomBytes(48).toString('base64url')]);
    const row = await this.dataSource.manager.findOneByOrFail(NotificationKey, { id: 1 });
    return row.secret;
  }
}
