import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.service';

/** The domain event bus, available to every module without importing the listeners' modules. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
