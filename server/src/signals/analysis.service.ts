import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { analysePilot, type PilotHistory, type SignalFlag as SignalFlagView, type SignalResult, type SignalThresholds, type SweepResult } from '@liftoff/shared';
import { SettingsService } from '../settings/settings.service';
import { syncFlags } from './flag-sync';
import { FLAG_SELECT, toFlagView, type FlagRow } from './flag.mapper';
import { loadHistories } from './history-loader';

/** Advisory lock key: with several server instances only the holder sweeps. */
export const SWEEP_LOCK_KEY = 7261002;
const SWEEP_BATCH = 1000;

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
  ) {}

  /** Re-analyses one pilot inside the caller's transaction (after an update or an assessment). */
  async analyseOne(manager: EntityManager, pilotId: string, now = new Date()): Promise<PilotAnalysisOutcome> {
    const thresholds = await this.settings.thresholds(manager);
    const { openedIds } = await this.analyseBatch(manager, [pilotId], thresholds, now);
    const rows: FlagRow[] = await manager.query(`${FLAG_SELECT} WHERE f.pilot_id = $1 AND f.status = 'open' ORDER BY f.opened_at, f.kind`, [pilotId]);
    const opened = new Set(openedIds);
    const openFlags = rows.map(toFlagView);
    return { newFlags: openFlags.filter((flag) => opened.has(flag.id)), openFlags };
  }

  /**
   * The whole portfolio in batches, guarded by an advisory lock so that with several instances only
   * one sweeps (the others answer `ran: false`). With a pool of several connections the next batch
   * loads while the current one is analysed (PostgreSQL and Node work at the same time); on the
   * single-connection embedded database everything runs in one transaction instead.
   */
  async sweep(now = new Date()): Promise<SweepResult> {
    const poolSize = (this.dataSource.options as { poolSize?: number }).poolSize ?? 1;
    return poolSize > 1 ? this.pipelinedSweep(now) : this.singleConnectionSweep(now);
  }

  private singleConnectionSweep(now: Date): Promise<SweepResult> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return skipped(started);
      const thresholds = await this.settings.thresholds(manager);
      const ids = await this.pilotIdBatches(manager);
      let opened = 0;
      let resolved = 0;
      for (const batch of ids) {
        const result = await this.writeBatch(manager, await loadHistories(manager, batch), thresholds, now);
        opened += result.openedIds.length;
        resolved += result.resolvedIds.length;
      }
      return this.finished(started, ids.flat().length, opened, resolved);
    });
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
        const thresholds = await this.settings.thresholds(manager);
        const ids = await this.pilotIdBatches(manager);
        let opened = 0;
        let resolved = 0;
        let next = ids.length ? loadHistories(manager, ids[0]) : null;
        try {
          for (let i = 0; next; i++) {
            const histories = await next;
            next = i + 1 < ids.length ? loadHistories(manager, ids[i + 1]) : null;
            const result = await this.dataSource.transaction((tx) => this.writeBatch(tx, histories, thresholds, now));
            opened += result.openedIds.length;
            resolved += result.resolvedIds.length;
          }
        } catch (error) {
          // A prefetch still in flight must not surface later as an unhandled rejection.
          next?.catch(() => undefined);
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

  private async analyseBatch(manager: EntityManager, pilotIds: string[], thresholds: SignalThresholds, now: Date) {
    return this.writeBatch(manager, await loadHistories(manager, pilotIds), thresholds, now);
  }

  /** Analyses loaded histories and stores flags and diagnoses, set-based. */
  private async writeBatch(manager: EntityManager, histories: Map<string, PilotHistory>, thresholds: SignalThresholds, now: Date) {
    const firing = new Map<string, SignalResult[]>();
    const diagnoses: Record<string, unknown>[] = [];
    for (const [pilotId, history] of histories) {
      const analysis = analysePilot(history, { today: now, thresholds });
      firing.set(pilotId, analysis.signals);
      diagnoses.push(diagnosisRow(history, analysis, now));
    }
    const synced = await syncFlags(manager, firing, now);
    await manager.query(
      `INSERT INTO pilot_diagnoses (pilot_id, action, readiness_score, recommendation, patterns, computed_at)
       SELECT pilot_id, action, readiness_score, recommendation, patterns, computed_at
         FROM json_populate_recordset(NULL::pilot_diagnoses, $1::json)
       ON CONFLICT (pilot_id) DO UPDATE SET action = EXCLUDED.action, readiness_score = EXCLUDED.readiness_score,
         recommendation = EXCLUDED.recommendation, patterns = EXCLUDED.patterns, computed_at = EXCLUDED.computed_at`,
      [JSON.stringify(diagnoses)],
    );
    return synced;
  }
}

function skipped(started: number): SweepResult {
  return { ran: false, reason: 'another sweep is running', pilots: 0, flagsOpened: 0, flagsResolved: 0, durationMs: Date.now() - started };
}

function diagnosisRow(history: PilotHistory, analysis: ReturnType<typeof analysePilot>, now: Date): Record<string, unknown> {
  return {
    pilot_id: history.pilot.id,
    action: analysis.recommendation.action,
    readiness_score: analysis.recommendation.readinessScore,
    recommendation: analysis.recommendation,
    patterns: analysis.patterns,
    computed_at: now.toISOString(),
  };
}
