import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CHANNEL_KINDS, type ChannelKindConfigured, type WebhookEventType } from '@liftoff/shared';

/**
 * A place the program office sends events to: a Slack-compatible or Teams incoming webhook, or a
 * generic signed JSON webhook. The URL is a secret of sorts (whoever has it can post): it is shown
 * masked and never logged. The signing secret (webhooks only) is shown once, on create and rotate.
 */
@Entity('notification_channels')
export class NotificationChannel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: CHANNEL_KINDS, enumName: 'notification_channel_kind' })
  kind: ChannelKindConfigured;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  signingSecret: string | null;

  @Column({ type: 'varchar', length: 40, array: true })
  eventTypes: WebhookEventType[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
