import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@liftoff/shared';
import { Person } from '../../people/person.entity';

/**
 * A person's own choice for one event type; without a row the default applies
 * (DEFAULT_EMAIL_EVENT_TYPES), so new people need no rows.
 */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification_preferences' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_notification_preferences_person' })
  person?: Person;

  @PrimaryColumn({ type: 'enum', enum: WEBHOOK_EVENT_TYPES, enumName: 'notification_event_type', primaryKeyConstraintName: 'PK_notification_preferences' })
  eventType: WebhookEventType;

  @Column({ type: 'boolean' })
  email: boolean;
}

/** The key unsubscribe links are signed with when NOTIFICATION_SECRET is unset: made once, at random. */
@Entity('notification_keys')
export class NotificationKey {
  /** Always 1: there is one key. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_notification_keys' })
  id: number;

  @Column({ type: 'varchar', length: 128 })
  secret: string;
}
