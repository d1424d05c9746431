import { Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MailModule } from '../../mail/mail.module';
import { DeliveryChannelRegistry } from '../delivery-channel';
import { EmailChannel } from './email-channel';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationSettingsController } from './notification-settings.controller';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe-token';

/** The email kind of delivery channel, each person's notification settings and the unsubscribe link. */
@Module({
  imports: [MailModule],
  controllers: [NotificationSettingsController, UnsubscribeController],
  providers: [EmailChannel, NotificationPreferencesService, UnsubscribeTokens],
  exports: [EmailChannel, NotificationPreferencesService],
})
export class EmailNotificationsModule implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly channel: EmailChannel,
  ) {}

  /** Joins the registry of the notifications module, when the app has one. */
  onModuleInit(): void {
    let registry: DeliveryChannelRegistry | undefined;
    try {
      registry = this.moduleRef.get(DeliveryChannelRegistry, { strict: false });
    } catch {
      registry = undefined;
    }
    registry?.register(this.channel);
  }
}
