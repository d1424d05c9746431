import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_EMAIL_EVENT_TYPES,
  NOTIFICATION_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type NotificationSettings,
  type NotificationUnsubscribed,
  type WebhookEventType,
} from '@liftoff/shared';
import { recordAudit } from '../../audit/audit.subscriber';
import type { Actor } from '../../auth/actor';
import { Mailer } from '../../mail/mailer';
import { Person } from '../../people/person.entity';
import { NotificationPreference } from './notification-preference.entity';
import type { UnsubscribeClaim } from './unsubscribe-token';
import type { UpdateNotificationSettingsDto } from './notification-settings.dto';

/** The event types a person receives by email: their own choices over the defaults. */
export function effectiveEmailEvents(choices: Pick<NotificationPreference, 'eventType' | 'email'>[]): WebhookEventType[] {
  const chosen = new Map(choices.map((c) => [c.eventType, c.email]));
  return WEBHOOK_EVENT_TYPES.filter((type) => chosen.get(type) ?? DEFAULT_EMAIL_EVENT_TYPES.includes(type));
}

/** Each person's own notification settings: email per event type, and their time zone. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async get(actor: Actor): Promise<NotificationSettings> {
    return this.settingsOf(this.dataSource.manager, await this.person(this.dataSource.manager, actor.id));
  }

  /** Saves every switch and the time zone at once, if nobody changed the person since `version`. */
  update(actor: Actor, dto: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, actor.id, true);
      if (person.version !== dto.version) {
        throw new ConflictException(`Your settings were changed elsewhere (version ${person.version}, yours ${dto.version}); reload and try again`);
      }
      const wanted = new Set(dto.emailEvents);
      await manager.upsert(
        NotificationPreference,
        WEBHOOK_EVENT_TYPES.map((eventType) => ({ personId: person.id, eventType, email: wanted.has(eventType) })),
        ['personId', 'eventType'],
      );
      // The person's version covers these settings too, so a stale tab is refused.
      await manager.query('UPDATE people SET time_zone = $1, version = version + 1 WHERE id = $2', [dto.timeZone, person.id]);
      const saved = await this.person(manager, person.id);
      // A hand-written update passes the audit subscriber by: a new time zone (it moves the person's
      // reminders and digests) goes into the trail as any other change to a person does.
      if (saved.timeZone !== person.timeZone) await recordAudit(manager, manager.connection.getMetadata(Person), 'update', person, saved);
      return this.settingsOf(manager, saved);
    });
  }

  /** Turns one event type off for the person an unsubscribe link was made for. */
  async unsubscribe(claim: UnsubscribeClaim): Promise<NotificationUnsubscribed> {
    const exists = await this.dataSource.manager.existsBy(Person, { id: claim.personId });
    if (!exists) throw new NotFoundException('This unsubscribe link belongs to nobody who still has an account');
    await this.dataSource.manager.upsert(NotificationPreference, { personId: claim.personId, eventType: claim.eventType, email: false }, ['personId', 'eventType']);
    const label = NOTIFICATION_EVENT_LABELS[claim.eventType];
    return {
      eventType: claim.eventType,
      label,
      message: `You will no longer get email for: ${label}. You can turn it back on under Your account, Notifications.`,
    };
  }

  private async settingsOf(manager: EntityManager, person: Person): Promise<NotificationSettings> {
    const choices = await manager.findBy(NotificationPreference, { personId: person.id });
    return { timeZone: person.timeZone, emailEvents: effectiveEmailEvents(choices), emailConfigured: this.mailer.enabled, version: person.version };
  }

  private async person(manager: EntityManager, id: string, lock = false): Promise<Person> {
    const person = await manager.findOne(Person, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!person) throw new NotFoundException('Your account was not found');
    return person;
  }
}
