import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_EMAIL_EVENT_TYPES, followsPilot, NOTIFICATION_EVENT_LABELS, type Role, type WebhookEvent } from '@liftoff/shared';
import type { AppConfig } from '../../config/config.schema';
import { Mailer } from '../../mail/mailer';
import { Person } from '../../people/person.entity';
import type { DeliveryChannel, DeliveryTarget, OutboxMessage, SendResult } from '../delivery-channel';
import { renderEmail, type RenderedEmail } from './email-layout';
import { emailContentOf } from './email-templates';
import { UnsubscribeTokens } from './unsubscribe-token';

interface Candidate {
  id: string;
  email: string;
  role: Role;
}

/** The pilot a broadcast is about, if it is about one. */
function pilotIdOf(event: WebhookEvent): string | null {
  return 'pilot' in event.data ? event.data.pilot.id : null;
}

/**
 * Notifications by email, one delivery per person. Addressed messages (a reminder, a personal digest)
 * go to the people named unless they turned that event type off; news for everyone goes to those who
 * want that event type by email and follow the pilot. Without SMTP_URL it names no targets.
 */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  readonly kind = 'email' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly tokens: UnsubscribeTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async targets(manager: EntityManager, message: OutboxMessage): Promise<DeliveryTarget[]> {
    if (!this.mailer.enabled) return [];
    const type = message.event.type;
    const defaultOn = DEFAULT_EMAIL_EVENT_TYPES.includes(type);
    const people: Candidate[] =
      message.recipientIds !== null
        ? await manager.query(
            `SELECT p.id, p.email, p.role FROM people p
             LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.event_type = $2
             WHERE p.id = ANY($1::uuid[]) AND p.deactivated_at IS NULL AND np.email IS DISTINCT FROM false
             ORDER BY p.email`,
            [message.recipientIds, type],
          )
        : await manager.query(
            `SELECT p.id, p.email, p.role FROM people p
             LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.event_type = $1
             WHERE p.deactivated_at IS NULL AND COALESCE(np.email, $2) ORDER BY p.email`,
            [type, defaultOn],
          );
    const followers = message.recipientIds === null ? await this.followersOnly(manager, message.event, people) : people;
    return followers.map((p) => ({ kind: 'email', channelId: null, personId: p.id, label: p.email }));
  }

  async send(target: DeliveryTarget, message: OutboxMessage): Promise<SendResult> {
    if (!target.personId) return { ok: false, responseCode: null, error: 'An email delivery needs a person', retryable: false };
    const person = await this.dataSource.manager.findOneBy(Person, { id: target.personId });
    if (!person || person.deactivatedAt) return { ok: false, responseCode: null, error: 'The recipient no longer has an active account', retryable: false };
    const email = await this.render(person, message.event);
    return this.mailer.send({
      to: person.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }

  /** The subject and both bodies of one event for one person (with their own unsubscribe link). */
  async render(person: Pick<Person, 'id'>, event: WebhookEvent): Promise<RenderedEmail & { unsubscribeUrl: string }> {
    const base = this.config.get('PUBLIC_URL', { infer: true });
    const url = (pathOrUrl: string) => new URL(pathOrUrl, base).toString();
    const token = await this.tokens.sign({ personId: person.id, eventType: event.type });
    const unsubscribeUrl = url(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    const rendered = renderEmail(emailContentOf(event, url), {
      reason: `You get this email for: ${NOTIFICATION_EVENT_LABELS[event.type]}.`,
      unsubscribeUrl,
      settingsUrl: url('/account'),
    });
    return { ...rendered, unsubscribeUrl };
  }

  /** Of those who want the news, the ones who follow its pilot (shared rule: leads follow their own pilots). */
  private async followersOnly(manager: EntityManager, event: WebhookEvent, people: Candidate[]): Promise<Candidate[]> {
    const pilotId = pilotIdOf(event);
    if (!pilotId || people.length === 0) return people;
    const [pilot]: { leadId: string; sponsorId: string | null }[] = await manager.query('SELECT lead_id AS "leadId", sponsor_id AS "sponsorId" FROM pilots WHERE id = $1', [pilotId]);
    if (!pilot) return people.filter((p) => p.role !== 'pilot_lead');
    return people.filter((p) => followsPilot(p, pilot));
  }
}
