import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.service';
import { AnalysisService } from './analysis.service';

/**
 * The one place that keeps analysis current: any write that changes a pilot's inputs re-analyses
 * that pilot in its own transaction, and a threshold change re-evaluates the whole portfolio there,
 * so the write's response and every page read flags and diagnoses that match the data.
 */
@Injectable()
export class AnalysisListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly analysis: AnalysisService,
  ) {}

  onModuleInit(): void {
    this.events.on('pilot.changed', async (manager, event) => {
      await this.analysis.refreshOne(manager, event.pilotId);
    });
    this.events.on('thresholds.changed', async (manager) => {
      await this.analysis.sweepIn(manager, new Date(), { reason: 'thresholds_changed' });
    });
  }
}
