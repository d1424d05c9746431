import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { WebhookEvent, WebhookPilotRef, WeeklyUpdate } from '@liftoff/shared';
import { DomainEvents } from '../events/domain-events.service';
import type { AnalysisChangedEvent, ImportCommittedEvent, ThresholdsChangedEvent } from '../events/domain-events';
import type { AppConfig } from '../config/config.schema';
import { Decision } from '../decisions/decision.entity';
import { toDecisionView } from '../decisions/decision.mapper';
import { loadUpdateViewsVia } from '../updates/weekly-update-views';
import { batchedRun } from '../signals/batched-run';
import { FLAG_SELECT, toFlagView, type FlagRow } from '../signals/flag.mapper';
import { CommitGathered, depthOf } from './commit-gathered';
import { mergeAnalysisChanges } from '../events/analysis-changes.collector';
import { importCompletedEvent, reanalysisSummary, thresholdsChangedEvent } from './reanalysis-summary';
import { OutboxService } from './outbox.service';

interface PilotRow {
  id: string;
  name: string;
  stage: WebhookPilotRef['stage'];
  business_unit_id: string;
}

type SummarisedCause = ImportCommittedEvent | ThresholdsChangedEvent;

const pilotRef = (row: PilotRow): WebhookPilotRef => ({ id: row.id, name: row.name, stage: row.stage, businessUnitId: row.business_unit_id });

/**
 * Turns domain events into outbox messages inside the write's transaction: a posted update, a
 * recorded decision, stuck signs that opened or resolved, recommendations that changed. Only
 * real changes get here (the analysis emits nothing for a run that changed nothing).
 */
@Injectable()
export class OutboxEventSources implements OnModuleInit, EntitySubscriberInterface {
  /**
   * Posted updates and analysis changes wait for their transaction's commit and are written together:
   * one read for all they need and one INSERT, however many pilots a transaction re-analysed.
   */
  private readonly posted = new CommitGathered<string>();
  private readonly analysed = new CommitGathered<AnalysisChangedEvent>();
  /**
   * A transaction that re-analyses many pilots at once (an import, a threshold change): its analysis
   * changes become one summary instead of an event per sign and pilot.
   */
  private readonly summarised = new CommitGathered<SummarisedCause>();

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
      if (event.change === 'update_posted') this.posted.add(manager.queryRunner!, event.subjectId);
      if (event.change === 'decision_recorded') await this.decisionRecorded(manager, event.subjectId);
    });
    this.events.on('analysis.changed', async (manager, event) => this.analysed.add(manager.queryRunner!, event));
    this.events.on('import.committed', async (manager, event) => this.summarised.add(manager.queryRunner!, event));
    // A save that repeated the values in force re-assesses nothing new: not news.
    this.events.on('thresholds.changed', async (manager, event) => (event.changes.length ? this.summarised.add(manager.queryRunner!, event) : undefined));
    this.dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    // A released savepoint hands what it gathered to the level around it, for the outermost commit.
    if (depthOf(runner) > 1) {
      for (const gathered of [this.posted, this.analysed, this.summarised]) gathered.released(runner);
      return;
    }
    if (!(this.posted.has(runner) || this.analysed.has(runner) || this.summarised.has(runner))) return;
    const postedIds = this.posted.take(runner);
    const changes = mergeAnalysisChanges(this.analysed.take(runner));
    const cause = this.summarised.take(runner).at(-1);
    const events = await this.eventsAtCommit(runner.manager, postedIds, changes, cause);
    await this.outbox.addMany(runner.manager, events.map((e) => ({ event: e, recipientIds: null })));
  }

  /** A rollback drops what was gathered inside it (the whole transaction, or a savepoint). */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    for (const gathered of [this.posted, this.analysed, this.summarised]) gathered.rolledBack(event.queryRunner);
  }

  private async decisionRecorded(manager: EntityManager, decisionId: string): Promise<void> {
    const decision = await manager.findOne(Decision, { where: { id: decisionId }, relations: { pilot: true, decidedBy: true } });
    if (!decision?.pilot) return;
    const pilot = pilotRef({ id: decision.pilot.id, name: decision.pilot.name, stage: decision.pilot.stage, business_unit_id: decision.pilot.businessUnitId });
    await this.outbox.add(manager, { event: { ...envelope('decision.recorded'), data: { pilot, decision: toDecisionView(decision) } }, recipientIds: null });
  }

  /**
   * The events of a commit, read in one round trip: posted updates with their pilots, the flags that
   * opened or resolved, the pilots whose recommendation changed (and the person behind a summary).
   */
  private async eventsAtCommit(manager: EntityManager, postedIds: string[], changes: AnalysisChangedEvent, cause: SummarisedCause | undefined): Promise<WebhookEvent[]> {
    const run = batchedRun((sql, params) => manager.query(sql, params));
    const none = Promise.resolve([]);
    const flagIds = [...changes.openedFlagIds, ...changes.resolvedFlagIds];
    const recommendationPilots = cause ? [] : changes.recommendationChanges.map((change) => change.pilotId);
    const [updates, updatePilots, flags, pilots, actors] = await Promise.all([
      postedIds.length ? loadUpdateViewsVia(run, postedIds) : (none as Promise<WeeklyUpdate[]>),
      postedIds.length ? (run(`SELECT p.id, p.name, p.stage, p.business_unit_id FROM pilots p WHERE p.id IN (SELECT pilot_id FROM weekly_updates WHERE id = ANY($1::uuid[]))`, [postedIds]) as Promise<PilotRow[]>) : none,
      flagIds.length ? (run(`${FLAG_SELECT} WHERE f.id = ANY($1::uuid[]) ORDER BY f.pilot_id, f.kind`, [flagIds]) as Promise<FlagRow[]>) : none,
      recommendationPilots.length ? (run(`SELECT id, name, stage, business_unit_id FROM pilots WHERE id = ANY($1::uuid[])`, [recommendationPilots]) as Promise<PilotRow[]>) : none,
      cause?.actorId ? (run(`SELECT id, name FROM people WHERE id = $1::uuid`, [cause.actorId]) as Promise<{ id: string; name: string }[]>) : none,
    ]);
    const updatePilotsById = new Map((updatePilots as PilotRow[]).map((row) => [row.id, pilotRef(row)]));
    const events: WebhookEvent[] = [];
    for (const update of updates) {
      const pilot = updatePilotsById.get(update.pilotId);
      if (pilot) events.push({ ...envelope('update.posted'), data: { pilot, update } });
    }
    if (cause) {
      const base = this.config.get('PUBLIC_URL', { infer: true });
      const summary = reanalysisSummary(changes, flags as FlagRow[], base);
      const actor = (actors as { id: string; name: string }[])[0] ?? null;
      events.push(cause.type === 'import.committed' ? importCompletedEvent(cause, actor, summary) : thresholdsChangedEvent(cause, actor, summary, base));
      return events;
    }
    return [...events, ...signEvents(changes, flags as FlagRow[]), ...recommendationEvents(changes, pilots as PilotRow[])];
  }
}

/** A stuck-sign event per flag that opened (and is still open) or resolved (and is still resolved). */
function signEvents(changes: AnalysisChangedEvent, rows: FlagRow[]): WebhookEvent[] {
  const opened = new Set(changes.openedFlagIds);
  const events: WebhookEvent[] = [];
  for (const row of rows) {
    const pilot = pilotRef({ id: row.pilot_id, name: row.pilot_name, stage: row.stage, business_unit_id: row.business_unit_id });
    const flag = toFlagView(row);
    if (opened.has(row.id) && row.status === 'open') events.push({ ...envelope('stuck_sign.opened'), data: { pilot, flag } });
    else if (!opened.has(row.id) && row.status === 'resolved') events.push({ ...envelope('stuck_sign.resolved'), data: { pilot, flag } });
  }
  return events;
}

function recommendationEvents(changes: AnalysisChangedEvent, pilots: PilotRow[]): WebhookEvent[] {
  const byId = new Map(pilots.map((row) => [row.id, pilotRef(row)]));
  return changes.recommendationChanges.flatMap((change) => {
    const pilot = byId.get(change.pilotId);
    return pilot ? [{ ...envelope('recommendation.changed'), data: { pilot, previous: change.previous, current: change.current } }] : [];
  });
}

function envelope<T extends WebhookEvent['type']>(type: T): { id: string; type: T; occurredAt: string } {
  return { id: randomUUID(), type, occurredAt: new Date().toISOString() };
}
