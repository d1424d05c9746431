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
   * The whole portfolio in batches. Holds a transaction-scoped advisory lock for its duration, so a
   * second instance that tries at the same time skips instead of duplicating the work.
   */
  sweep(now = new Date()): Promise<SweepResult> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return { ran: false, reason: 'another sweep is running', pilots: 0, flagsOpened: 0, flagsResolved: 0, durationMs: Date.now() - started };
      const thresholds = await this.settings.thresholds(manager);
      const ids: { id: string }[] = await manager.query('SELECT id FROM pilots ORDER BY id');
      let flagsOpened = 0;
      let flagsResolved = 0;
      for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
        const batch = ids.slice(i, i + SWEEP_BATCH).map((row) => row.id);
        const result = await this.analyseBatch(manager, batch, thresholds, now);
        flagsOpened += result.openedIds.length;
        flagsResolved += result.resolvedIds.length;
      }
      const durationMs = Date.now() - started;
      this.logger.log(`Sweep: ${ids.length} pilots, ${flagsOpened} flags opened, ${flagsResolved} resolved in ${durationMs} ms`);
      return { ran: true, pilots: ids.length, flagsOpened, flagsResolved, durationMs };
    });
  }

  private async analyseBatch(manager: EntityManager, pilotIds: string[], thresholds: SignalThresholds, now: Date) {
    const histories = await loadHistories(manager, pilotIds);
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
