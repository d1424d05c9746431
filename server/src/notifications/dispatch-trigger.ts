import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

const PENDING = 'liftoffOutboxPending';

/**
 * Nudges the dispatcher once a transaction that added outbox rows has committed. The nudge runs
 * after the commit, on a later tick, and swallows its errors: it can neither fail nor slow the
 * write. Missed nudges (a crash, another instance) are covered by the scheduled dispatch.
 */
@Injectable()
export class DispatchTrigger implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(DispatchTrigger.name);
  private listener: (() => Promise<unknown>) | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** What a nudge runs (the dispatcher registers itself). */
  onNudge(listener: () => Promise<unknown>): void {
    this.listener = listener;
  }

  /** Called by the outbox when it added rows through `manager`. */
  afterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) runner.data = { ...(runner.data as object), [PENDING]: true };
    else this.nudge();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    // A savepoint's release is no commit: wait for the outermost transaction.
    if (!data?.[PENDING] || event.queryRunner.isTransactionActive) return;
    delete data[PENDING];
    this.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data?.[PENDING] && !event.queryRunner.isTransactionActive) delete data[PENDING];
  }

  nudge(): void {
    const listener = this.listener;
    if (!listener) return;
    setImmediate(() => {
      listener().catch((error: unknown) => this.logger.warn(`Outbox dispatch after a write failed (the scheduled run retries): ${(error as Error).message}`));
    });
  }
}
