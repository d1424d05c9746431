import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { analysePilot, historyWindowSize, readinessBreakdown, type PilotHistory, type Recommendation, type SignalFlag as SignalFlagView, type SignalResult, type SignalThresholds, type SweepResult } from '@liftoff/shared';
import { SettingsService, STORED_THRESHOLDS_SQL, thresholdsOf } from '../settings/settings.service';
import { batchedRun } from './batched-run';
import { PILOT_FLAG_STATE_SQL, syncFlags, syncOnePilot, type FlagResolution, type FlagSyncResult, type PilotFlagStateRow } from './flag-sync';
import { changedDiagnoses, DIAGNOSIS_ACTION_CHANGES_SQL, DIAGNOSIS_UPSERT_CTES, diagnosesJson, diagnosisRow, type DiagnosisActionChange, type DiagnosisRow } from './diagnosis-upsert';
import { FLAG_SELECT, toFlagView, type FlagRow } from './flag.mapper';
import { loadHistoryBatch, type RunQuery } from './history-loader';
import { MAINTENANCE_STATEMENT_TIMEOUT_SQL } from '../database/connection-limits';
import { DomainEvents } from '../events/domain-events.service';
import type { StoredRecommendation } from '../events/domain-events';
import { markScaleQueueEntries } from '../decisions/scale-queue-membership';

/** Advisory lock key: with several server instances only the holder sweeps. */
export const SWEEP_LOCK_KEY = 7261002;
const SWEEP_BATCH = 1000;
/** Batches loaded ahead of the one being analysed (pool of several connections). */
const SWEEP_LOOKAHEAD = 3;
/** Batches being written at the same time, each in its own transaction. */
const SWEEP_WRITES_IN_FLIGHT = 2;
/**
 * Planner settings for the sweep's bulk reads, local to their transaction: JIT compilation costs
 * more than it saves on these one-off aggregations, and the sorts and hashes fit in memory. The
 * statement timeout for requests is raised too: a sweep of a large portfolio is known to read long.
 */
const BULK_READ_SETTINGS = `SELECT set_config('jit', 'off', true), set_config('work_mem', '128MB', true), set_config('max_parallel_workers_per_gather', '0', true), ${MAINTENANCE_STATEMENT_TIMEOUT_SQL}`;

export interface PilotAnalysisOutcome {
  newFlags: SignalFlagView[];
  openFlags: SignalFlagView[];
}

/** Runs the pure stuck analysis over stored histories and keeps flags and diagnoses up to date. */
@Injectable()
export class AnalysisService {
  private readonly logger = new Logger(AnalysisService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Re-analyses one pilot inside the caller's transaction. Writers do not call this: they emit a
   * domain event and `AnalysisListener` does.
   */
  async analyseOne(manager: EntityManager, pilotId: string, now = new Date()): Promise<PilotAnalysisOutcome> {
    await this.refreshOne(manager, pilotId, now);
    return this.outcomeSince(manager, pilotId, now);
  }

  /** `analyseOne` without reading back the outcome: what a write's listener needs (the writer reads it once itself). */
  async refreshOne(manager: EntityManager, pilotId: string, now = new Date()): Promise<void> {
    // The thresholds, every table of the history and the pilot's flags in one round trip (see `batchedRun`),
    // then every flag, diagnosis and scale queue change in one statement. Only the part of the history the
    // analysis reads (open blockers and their mentions), as the sweep reads it; the whole update history,
    // which for one pilot costs less to read than to cut to the sweep's window (measured on 2-year histories).
    const run = batchedRun((sql, params) => manager.query(sql, params));
    const [stored, histories, flags] = await Promise.all([
      run(STORED_THRESHOLDS_SQL),
      loadHistoryBatch(run, [pilotId], { window: null, analysedPart: true, parallel: true }),
      run(PILOT_FLAG_STATE_SQL, [pilotId]) as Promise<PilotFlagStateRow[]>,
    ]);
    // A pilot deleted meanwhile has no history: nothing to analyse or store, as in the batch path.
    if (!histories.has(pilotId)) return;
    const analysed = analyseHistories(histories, thresholdsOf(stored), now);
    const synced = await syncOnePilot(manager, pilotId, analysed.firing.get(pilotId) ?? [], flags, diagnosesJson(analysed.diagnoses), analysed.scaleReadinessMin, now);
    await this.announceChanges(manager, synced, synced.actionChanges);
  }

  /** The pilot's open flags, and which of them were opened at or after `since` (by this write). */
  outcomeSince(manager: EntityManager, pilotId: string, since: Date): Promise<PilotAnalysisOutcome> {
    return this.outcomeVia((sql, params) => manager.query(sql, params), pilotId, since);
  }

  /** `outcomeSince` through any `RunQuery`, such as a `batchedRun` that sends it with the write's other reads. */
  async outcomeVia(run: RunQuery, pilotId: string, since: Date): Promise<PilotAnalysisOutcome> {
    const rows = (await run(`${FLAG_SELECT} WHERE f.pilot_id = $1::uuid AND f.status = 'open' ORDER BY f.opened_at, f.kind`, [pilotId])) as FlagRow[];
    const openFlags = rows.map(toFlagView);
    return { newFlags: openFlags.filter((flag) => new Date(flag.openedAt) >= since), openFlags };
  }

  /**
   * The whole portfolio in batches, guarded by an advisory lock so that with several instances only
   * one sweeps (the others answer `ran: false`). Reads are bulk, per batch of pilots one statement
   * per table (KPI readings included, so memory stays bounded by the batches in flight whatever
   * the portfolio's size), with only the latest updates of each pilot unless its rules need more.
   * With a pool of several connections the next batches load while the current one is analysed
   * and the ones before it are written (PostgreSQL and Node work side by side); on the
   * single-connection embedded database everything runs one after another in one transaction, so
   * the sweep never waits for a second connection while holding the first.
   */
  async sweep(now = new Date()): Promise<SweepResult> {
    const poolSize = (this.dataSource.options as { poolSize?: number }).poolSize ?? 1;
    return poolSize > 1 ? this.pipelinedSweep(now) : this.singleConnectionSweep(now);
  }

  private singleConnectionSweep(now: Date): Promise<SweepResult> {
    return this.dataSource.transaction((manager) => this.sweepIn(manager, now));
  }

  /**
   * The whole portfolio inside the caller's transaction, one batch after another. The nightly sweep
   * skips when another one runs; a threshold change (`reason`) waits for it instead, since its new
   * thresholds must be applied, and marks what it resolves so that restoring the threshold reopens
   * the same flags with their original opening dates.
   */
  async sweepIn(manager: EntityManager, now: Date, options: { reason?: FlagResolution } = {}): Promise<SweepResult> {
    const started = Date.now();
    if (options.reason) await manager.query('SELECT pg_advisory_xact_lock($1)', [SWEEP_LOCK_KEY]);
    else {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return skipped(started);
    }
    await manager.query(BULK_READ_SETTINGS);
    const run: RunQuery = (sql, params) => manager.query(sql, params);
    const thresholds = await this.settings.thresholds(manager);
    const ctx = { today: now, thresholds };
    const ids = await this.pilotIdBatches(manager);
    let opened = 0;
    let resolved = 0;
    for (const batch of ids) {
      const histories = await loadHistoryBatch(run, batch, { window: historyWindowSize(thresholds), analysedPart: true, ctx, parallel: false });
      const result = await this.storeBatch(manager, analyseHistories(histories, thresholds, now), now, options.reason);
      opened += result.openedIds.length;
      resolved += result.resolvedIds.length;
    }
    return this.finished(started, ids.flat().length, opened, resolved);
  }

  private async pipelinedSweep(now: Date): Promise<SweepResult> {
    const started = Date.now();
    const lockHolder = this.dataSource.createQueryRunner();
    await lockHolder.connect();
    try {
      const [{ locked }] = await lockHolder.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return skipped(started);
      try {
        const manager = this.dataSource.manager;
        const run = this.bulkRead;
        const thresholds = await this.settings.thresholds(manager);
        const ctx = { today: now, thresholds };
        const ids = await this.pilotIdBatches(manager);
        const loads: Promise<Map<string, PilotHistory>>[] = [];
        let loaded = 0;
        let previous: Promise<unknown> = Promise.resolve();
        const loadAhead = () => {
          while (loaded < ids.length && loads.length < SWEEP_LOOKAHEAD) {
            const batch = ids[loaded++];
            // One batch at a time (its statements in parallel), so batches arrive in order.
            const load = previous.then(() => loadHistoryBatch(run, batch, { window: historyWindowSize(thresholds), analysedPart: true, ctx, parallel: true }));
            previous = load.catch(() => undefined);
            loads.push(load);
          }
        };
        let opened = 0;
        let resolved = 0;
        const writes: Promise<FlagSyncResult>[] = [];
        const oldestWritten = async () => {
          const result = await writes[0];
          writes.shift();
          opened += result.openedIds.length;
          resolved += result.resolvedIds.length;
        };
        try {
          loadAhead();
          while (loads.length > 0) {
            const histories = await loads.shift()!;
            loadAhead();
            // Analysed while earlier batches are still being written (different pilots, separate
            // transactions, so PostgreSQL writes on one core while Node analyses on the other).
            const analysed = analyseHistories(histories, thresholds, now);
            if (writes.length >= SWEEP_WRITES_IN_FLIGHT) await oldestWritten();
            const write = this.dataSource.transaction((tx) => this.storeBatch(tx, analysed, now));
            write.catch(() => undefined); // awaited by oldestWritten(); this only keeps an early failure from counting as unhandled
            writes.push(write);
          }
          while (writes.length > 0) await oldestWritten();
        } catch (error) {
          // Reads still in flight must not surface later as unhandled rejections, and writes in
          // flight end before the lock is released.
          for (const load of loads) load.catch(() => undefined);
          await Promise.allSettled(writes);
          throw error;
        }
        return this.finished(started, ids.flat().length, opened, resolved);
      } finally {
        await lockHolder.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } finally {
      await lockHolder.release();
    }
  }

  /** One bulk read in its own short transaction, with `BULK_READ_SETTINGS`. */
  private readonly bulkRead: RunQuery = (sql, params) =>
    this.dataSource.transaction(async (tx) => {
      await tx.query(BULK_READ_SETTINGS);
      return tx.query(sql, params);
    });

  private async pilotIdBatches(manager: EntityManager): Promise<string[][]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM pilots ORDER BY id');
    const batches: string[][] = [];
    for (let i = 0; i < rows.length; i += SWEEP_BATCH) batches.push(rows.slice(i, i + SWEEP_BATCH).map((row) => row.id));
    return batches;
  }

  private finished(started: number, pilots: number, flagsOpened: number, flagsResolved: number): SweepResult {
    const durationMs = Date.now() - started;
    this.logger.log(`Sweep: ${pilots} pilots, ${flagsOpened} flags opened, ${flagsResolved} resolved in ${durationMs} ms`);
    return { ran: true, pilots, flagsOpened, flagsResolved, durationMs };
  }

  private async storeBatch(manager: EntityManager, analysed: AnalysedBatch, now: Date, reason?: FlagResolution): Promise<FlagSyncResult> {
    const synced = await syncFlags(manager, analysed.firing, now, reason);
    const changed = await changedDiagnoses(manager, analysed.diagnoses);
    let actionChanges: DiagnosisActionChange[] = [];
    if (changed.length > 0) {
      const [row]: { action_changes: DiagnosisActionChange[] }[] = await manager.query(`WITH ${DIAGNOSIS_UPSERT_CTES('$1')} SELECT ${DIAGNOSIS_ACTION_CHANGES_SQL}`, [diagnosesJson(changed)]);
      actionChanges = row.action_changes;
    }
    await this.announceChanges(manager, synced, actionChanges);
    // After flags and diagnoses: both decide whether a pilot is in the scale queue now.
    await markScaleQueueEntries(manager, [...analysed.firing.keys()], analysed.scaleReadinessMin, now);
    return synced;
  }

  /** Stuck signs that opened or resolved and recommendations that changed become news (the outbox listens), only when there is any. */
  private async announceChanges(manager: EntityManager, synced: FlagSyncResult, actionChanges: DiagnosisActionChange[]): Promise<void> {
    if (!synced.openedIds.length && !synced.resolvedIds.length && !actionChanges.length) return;
    await this.events.emit(manager, {
      type: 'analysis.changed',
      openedFlagIds: synced.openedIds,
      resolvedFlagIds: synced.resolvedIds,
      recommendationChanges: actionChanges.map((change) => ({
        pilotId: change.pilot_id,
        previous: change.previous && storedRecommendation(change.previous),
        current: storedRecommendation(change.current),
      })),
    });
  }
}

interface AnalysedBatch {
  /** Firing signals per pilot. */
  firing: Map<string, SignalResult[]>;
  /** The pilots' diagnosis rows. */
  diagnoses: DiagnosisRow[];
  /** The threshold the scale queue was judged with. */
  scaleReadinessMin: number;
}

/** The pure analysis of every loaded pilot, ready to store. */
function analyseHistories(histories: Map<string, PilotHistory>, thresholds: SignalThresholds, now: Date): AnalysedBatch {
  const firing = new Map<string, SignalResult[]>();
  const diagnoses: DiagnosisRow[] = [];
  const computedAt = now.toISOString();
  for (const [pilotId, history] of histories) {
    const analysis = analysePilot(history, { today: now, thresholds });
    firing.set(pilotId, analysis.signals);
    diagnoses.push(diagnosisRow(pilotId, {
      action: analysis.recommendation.action,
      readinessScore: analysis.recommendation.readinessScore,
      recommendation: analysis.recommendation,
      patterns: analysis.patterns,
      // For the pilot page: it shows how the score was made without loading the history again.
      readiness: readinessBreakdown(history, thresholds),
    }, computedAt));
  }
  return { firing, diagnoses, scaleReadinessMin: thresholds.scaleReadinessMin };
}

const storedRecommendation = (r: Recommendation): StoredRecommendation => ({ action: r.action, reasons: r.reasons, readinessScore: r.readinessScore });

function skipped(started: number): SweepResult {
  return { ran: false, reason: 'another sweep is running', pilots: 0, flagsOpened: 0, flagsResolved: 0, durationMs: Date.now() - started };
}
