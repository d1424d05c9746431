import { Global, Module } from '@nestjs/common';
import { AnalysisChangesCollector } from './analysis-changes.collector';
import { DomainEvents } from './domain-events.service';

/** The domain event bus, available to every module without importing the listeners' modules. */
@Global()
@Module({ providers: [DomainEvents, AnalysisChangesCollector], exports: [DomainEvents, AnalysisChangesCollector] })
export class EventsModule {}
