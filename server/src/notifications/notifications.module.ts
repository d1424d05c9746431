import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CHANNEL_KINDS } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { ConfiguredChannel } from './configured-channels';
import { DeliveryChannelRegistry, Outbox } from './delivery-channel';
import { DeliveryWorker } from './delivery-worker';
import { DispatchTrigger } from './dispatch-trigger';
import { NotificationWorkers } from './notification-workers';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxEventSources } from './outbox-event-sources';
import { OutboxService } from './outbox.service';
import { DeliveriesController, NotificationChannelsController } from './notification-channels.controller';
import { NotificationChannelsService } from './notification-channels.service';
import { DeliveriesService } from './deliveries.service';

/** Registers the Slack, Teams and webhook channels the program office configures. */
@Injectable()
class ConfiguredChannelsRegistration implements OnModuleInit {
  constructor(
    private readonly registry: DeliveryChannelRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    const settings = { publicUrl: this.config.get('PUBLIC_URL', { infer: true }), timeoutMs: this.config.get('DELIVERY_TIMEOUT_MS', { infer: true }) };
    for (const kind of CHANNEL_KINDS) this.registry.register(new ConfiguredChannel(kind, this.dataSource, settings));
  }
}

/**
 * Notifications leave Liftoff through an outbox (issue 13): writes add messages in their own
 * transaction (`Outbox`), the dispatcher fans them out to the targets of every registered channel
 * (`DeliveryChannelRegistry`, which other modules such as email register into), and the delivery
 * worker sends each one with retries, recording every attempt.
 */
@Global()
@Module({
  controllers: [NotificationChannelsController, DeliveriesController],
  providers: [
    NotificationChannelsService,
    DeliveriesService,
    DeliveryChannelRegistry,
    DispatchTrigger,
    OutboxService,
    { provide: Outbox, useExisting: OutboxService },
    OutboxDispatcher,
    DeliveryWorker,
    NotificationWorkers,
    OutboxEventSources,
    ConfiguredChannelsRegistration,
  ],
  exports: [Outbox, OutboxService, DeliveryChannelRegistry],
})
export class NotificationsModule {}
