import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager, QueryRunner } from 'typeorm';
import { DomainEvents } from './domain-events.service';
import type { AnalysisChangedEvent } from './domain-events';

/** Several analysis changes (one per pilot or batch) as one. */
export function mergeAnalysisChanges(list: AnalysisChangedEvent[]): AnalysisChangedEvent {
  return {
    type: 'analysis.changed',
    openedFlagIds: list.flatMap((e) => e.openedFlagIds),
    resolvedFlagIds: list.flatMap((e) => e.resolvedFlagIds),
    recommendationChanges: list.flatMap((e) => e.recommendationChanges),
  };
}

/**
 * What a write changed in the stored analysis, for a write that answers with it (an import, a
 * threshold change): the analysis changes emitted in its transaction while it ran.
 */
@Injectable()
export class AnalysisChangesCollector implements OnModuleInit {
  private readonly collecting = new WeakMap<QueryRunner, AnalysisChangedEvent[]>();

  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.on('analysis.changed', async (manager, event) => {
      this.collecting.get(manager.queryRunner!)?.push(event);
    });
  }

  /** Runs `write` in the transaction of `manager` and returns its result with the analysis changes it caused. */
  async during<T>(manager: EntityManager, write: () => Promise<T>): Promise<{ result: T; changes: AnalysisChangedEvent }> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Analysis changes are collected inside a transaction');
    const changes: AnalysisChangedEvent[] = [];
    this.collecting.set(runner, changes);
    try {
      return { result: await write(), changes: mergeAnalysisChanges(changes) };
    } finally {
      this.collecting.delete(runner);
    }
  }
}
