import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { resolveThresholds, THRESHOLD_KEYS, validateThresholds, type AnalysisSettings, type SavedAnalysisSettings, type SignalThresholds } from '@liftoff/shared';
import { loadForEdit } from '../common/optimistic-lock';
import { RequestValidationException } from '../common/validation';
import { AnalysisSettingsRecord } from './analysis-settings.entity';
import { DomainEvents } from '../events/domain-events.service';
import { AnalysisChangesCollector } from '../events/analysis-changes.collector';
import { loadReanalysisSummary } from '../notifications/reanalysis-summary';
import type { AppConfig } from '../config/config.schema';
import { UpdateAnalysisSettingsDto } from './dto/analysis-settings.dto';

const SETTINGS_ID = 1;

/** The stored overrides as one raw statement, for callers that batch it with others (`thresholdsOf` reads its rows). */
export const STORED_THRESHOLDS_SQL = `SELECT thresholds FROM analysis_settings WHERE id = ${SETTINGS_ID}`;

export function thresholdsOf(rows: { thresholds: Partial<SignalThresholds> | null }[]): SignalThresholds {
  return resolveThresholds(rows[0]?.thresholds ?? {});
}

@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly analysisChanges: AnalysisChangesCollector,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The thresholds in force: the stored overrides on top of the defaults. */
  async thresholds(manager: EntityManager = this.dataSource.manager): Promise<SignalThresholds> {
    const record = await manager.findOne(AnalysisSettingsRecord, { where: { id: SETTINGS_ID } });
    return resolveThresholds(record?.thresholds ?? {});
  }

  async get(): Promise<AnalysisSettings> {
    const record = await this.dataSource.manager.findOneOrFail(AnalysisSettingsRecord, { where: { id: SETTINGS_ID } });
    return toView(record);
  }

  /** Stores the thresholds and re-evaluates the whole portfolio with them before answering with what that found. */
  update(dto: UpdateAnalysisSettingsDto, actorId: string | null = null): Promise<SavedAnalysisSettings> {
    const errors = validateThresholds(dto.thresholds as Record<string, unknown>);
    if (errors.length) {
      throw new RequestValidationException(errors.map((e) => ({ field: `thresholds.${e.field}`, messages: [`thresholds.${e.field} ${e.message}`] })));
    }
    return this.dataSource.transaction(async (manager) => {
      const record = await loadForEdit(manager, AnalysisSettingsRecord, SETTINGS_ID as unknown as string, dto.version, 'Settings');
      const before = resolveThresholds(record.thresholds);
      record.thresholds = { ...record.thresholds, ...dto.thresholds };
      const saved = await manager.save(record);
      const after = resolveThresholds(saved.thresholds);
      const changes = THRESHOLD_KEYS.filter((key) => before[key] !== after[key]).map((key) => ({ key, from: before[key], to: after[key] }));
      const { changes: reassessment } = await this.analysisChanges.during(manager, () => this.events.emit(manager, { type: 'thresholds.changed', actorId, changes }));
      return { ...toView(saved), reassessed: await loadReanalysisSummary(manager, reassessment, this.config.get('PUBLIC_URL', { infer: true })) };
    });
  }
}

function toView(record: AnalysisSettingsRecord): AnalysisSettings {
  return { thresholds: resolveThresholds(record.thresholds), version: record.version, updatedAt: record.updatedAt.toISOString() };
}
