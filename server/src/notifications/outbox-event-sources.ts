import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { WebhookEvent, WebhookPilotRef } from '@liftoff/shared';
import { DomainEvents } from '../events/domain-events.service';
import type { AnalysisChangedEvent, ImportCommittedEvent, ThresholdsChangedEvent } from '../events/domain-events';
import type { AppConfig } from '../config/config.schema';
import { Decision } from '../decisions/decision.entity';
import { toDecisionView } from '../decisions/decision.mapper';
import { loadUpdateViews } from '../updates/weekly-update-views';
import { Pilot } from '../pilots/pilot.entity';
import { FLAG_SELECT, toFlagView, type FlagRow } from '../signals/flag.mapper';
import { importCompletedEvent, loadReanalysisSummary, mergeAnalysisChanges, thresholdsChangedEvent } from './reanalysis-summary';
import { OutboxService } from './outbox.service';

interface PilotRow {
  id: string;
  name: string;
  stage: WebhookPilotRef['stage'];
  business_unit_id: string;
}

/** What a transaction gathered for its commit, by the transaction depth (savepoint) it was made at. */
interface Pending<T> {
  depth: number;
  event: T;
}

type SummarisedCause = ImportCommittedEvent | ThresholdsChangedEvent;

const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth?: number }).transactionDepth ?? (runner.isTransactionActive ? 1 : 0);

const pilotRef = (row: PilotRow): WebhookPilotRef => ({ id: row.id, name: row.name, stage: row.stage, businessUnitId: row.business_unit_id });

/**
 * Turns domain events into outbox messages inside the write's transaction: a posted update, a
 * recorded decision, stuck signs that opened or resolved, recommendations that changed. Only
 * real changes get here (the analysis emits nothing for a run that changed nothing).
 */
@Injectable()
export class OutboxEventSources implements OnModuleInit, EntitySubscriberInterface {
  /**
   * Analysis changes wait for their transaction's commit and are written together: an import that
   * re-analyses thousands of pilots one by one then costs three statements, not two per pilot.
   */
  private readonly pending = new WeakMap<QueryRunner, Pending<AnalysisChangedEvent>[]>();
  /**
   * A transaction that re-analyses many pilots at once (an import, a threshold change): its analysis
   * changes become one summary instead of an event per sign and pilot.
   */
  private readonly summarised = new WeakMap<QueryRunner, Pending<SummarisedCause>>();

  constructor(
    private readonly events: DomainEvents,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onModuleInit(): void {
    this.events.on('pilot.changed', async (manager, event) => {
      // Imports announce many updates without one subject each: history, not news.
      if (!event.subjectId) return;
      if (event.change === 'update_posted') await this.updatePosted(manager, event.subjectId);
      if (event.change === 'decision_recorded') await this.decisionRecorded(manager, event.subjectId);
    });
    this.events.on('analysis.changed', async (manager, event) => {
      const runner = manager.queryRunner!;
      const list = this.pending.get(runner) ?? [];
      list.push({ depth: depthOf(runner), event });
      this.pending.set(runner, list);
    });
    const summarise = async (manager: EntityManager, event: SummarisedCause) => {
      const runner = manager.queryRunner!;
      this.summarised.set(runner, { depth: depthOf(runner), event });
    };
    this.events.on('import.committed', summarise);
    // A save that repeated the values in force re-assesses nothing new: not news.
    this.events.on('thresholds.changed', async (manager, event) => (event.changes.length ? summarise(manager, event) : undefined));
    this.dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    const list = this.pending.get(runner);
    const cause = this.summarised.get(runner);
    // Savepoints keep their changes for the outermost commit.
    if ((!list && !cause) || depthOf(runner) > 1) return;
    this.pending.delete(runner);
    this.summarised.delete(runner);
    const changes = mergeAnalysisChanges((list ?? []).map((p) => p.event));
    if (cause) await this.summary(runner.manager, cause.event, changes);
    else await this.analysisChanged(runner.manager, changes);
  }

  /** A rollback drops what was gathered inside it (the whole transaction, or a savepoint). */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const depth = depthOf(event.queryRunner);
    const kept = (this.pending.get(event.queryRunner) ?? []).filter((p) => p.depth <= depth);
    if (kept.length && depth > 0) this.pending.set(event.queryRunner, kept);
    else this.pending.delete(event.queryRunner);
    const cause = this.summarised.get(event.queryRunner);
    if (cause && (depth === 0 || cause.depth > depth)) this.summarised.delete(event.queryRunner);
  }

  private async updatePosted(manager: EntityManager, updateId: string): Promise<void> {
    const [update] = await loadUpdateViews(manager, [updateId]);
    const pilot = update && (await manager.findOne(Pilot, { where: { id: update.pilotId } }));
    if (!update || !pilot) return;
    const ref = pilotRef({ id: pilot.id, name: pilot.name, stage: pilot.stage, business_unit_id: pilot.businessUnitId });
    await this.outbox.add(manager, { event: { ...envelope('update.posted'), data: { pilot: ref, update } }, recipientIds: null });
  }

  private async decisionRecorded(manager: EntityManager, decisionId: string): Promise<void> {
    const decision = await manager.findOne(Decision, { where: { id: decisionId }, relations: { pilot: true, decidedBy: true } });
    if (!decision?.pilot) return;
    const pilot = pilotRef({ id: decision.pilot.id, name: decision.pilot.name, stage: decision.pilot.stage, business_unit_id: decision.pilot.businessUnitId });
    await this.outbox.add(manager, { event: { ...envelope('decision.recorded'), data: { pilot, decision: toDecisionView(decision) } }, recipientIds: null });
  }

  /** One announcement of a change and what re-analysing for it found, with the pilots it found stuck. */
  private async summary(manager: EntityManager, cause: SummarisedCause, changes: AnalysisChangedEvent): Promise<void> {
    const [actor]: { id: string; name: string }[] = cause.actorId ? await manager.query('SELECT id, name FROM people WHERE id = $1', [cause.actorId]) : [];
    const base = this.config.get('PUBLIC_URL', { infer: true });
    const summary = await loadReanalysisSummary(manager, changes, base);
    const event = cause.type === 'import.committed' ? importCompletedEvent(cause, actor ?? null, summary) : thresholdsChangedEvent(cause, actor ?? null, summary, base);
    await this.outbox.add(manager, { event, recipientIds: null });
  }

  /** The stuck-sign and recommendation events of a transaction's analysis changes, in one INSERT per thousand. */
  async analysisChanged(manager: EntityManager, event: AnalysisChangedEvent): Promise<void> {
    const events: WebhookEvent[] = [];
    const flagIds = [...event.openedFlagIds, ...event.resolvedFlagIds];
    if (flagIds.length) {
      const opened = new Set(event.openedFlagIds);
      const rows: FlagRow[] = await manager.query(`${FLAG_SELECT} WHERE f.id = ANY($1::uuid[]) ORDER BY f.pilot_id, f.kind`, [flagIds]);
      for (const row of rows) {
        const pilot = pilotRef({ id: row.pilot_id, name: row.pilot_name, stage: row.stage, business_unit_id: row.business_unit_id });
        const flag = toFlagView(row);
        if (opened.has(row.id) && row.status === 'open') events.push({ ...envelope('stuck_sign.opened'), data: { pilot, flag } });
        else if (!opened.has(row.id) && row.status === 'resolved') events.push({ ...envelope('stuck_sign.resolved'), data: { pilot, flag } });
      }
    }
    if (event.recommendationChanges.length) {
      const pilots: PilotRow[] = await manager.query(`SELECT id, name, stage, business_unit_id FROM pilots WHERE id = ANY($1::uuid[])`, [
        event.recommendationChanges.map((change) => change.pilotId),
      ]);
      const byId = new Map(pilots.map((row) => [row.id, pilotRef(row)]));
      for (const change of event.recommendationChanges) {
        const pilot = byId.get(change.pilotId);
        if (pilot) events.push({ ...envelope('recommendation.changed'), data: { pilot, previous: change.previous, current: change.current } });
      }
    }
    await this.outbox.addMany(manager, events.map((e) => ({ event: e, recipientIds: null })));
  }
}

function envelope<T extends WebhookEvent['type']>(type: T): { id: string; type: T; occurredAt: string } {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString() };
}
