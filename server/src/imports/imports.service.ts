import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  MAX_REPORTED_IMPORT_ERRORS,
  PILOT_FILE_COLUMNS,
  UPDATE_FILE_COLUMNS,
  type ImportKind,
  type ImportReport,
  type ImportRowOutcome,
  type SpreadsheetFormat,
} from '@liftoff/shared';
import { DomainEvents } from '../events/domain-events.service';
import { AnalysisChangesCollector } from '../events/analysis-changes.collector';
import type { AppConfig } from '../config/config.schema';
import { loadReanalysisSummary } from '../notifications/reanalysis-summary';
import { ImportRejectedException } from '../common/import-rejected.exception';
import type { CellOptions } from '../spreadsheets/cell-parsers';
import { detectDelimiter, detectFormat, UnreadableFileError } from '../spreadsheets/spreadsheet-reader';
import { ErrorList, typedRows } from './import-file';
import { ImportReferences } from './import-references';
import { readPilotRow, type KpiRecord, type PilotRecord } from './pilot-file';
import { applyPilotImport, planPilotImport } from './pilot-import';
import { readUpdateRow, type UpdateRecord } from './update-file';
import { applyUpdateImport, planUpdateImport } from './update-import';
import type { ImportOptionsDto } from './dto/import-options.dto';
import { RequestValidationException } from '../common/validation';

/** Only one import writes at a time: two confirms of overlapping files would otherwise both create a pilot. */
const IMPORT_LOCK_KEY = 7_261_012;

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

type ParsedFile = { kind: 'pilots'; rows: { pilot: PilotRecord; kpi: KpiRecord | null }[] } | { kind: 'weekly-updates'; rows: UpdateRecord[] };

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly analysisChanges: AnalysisChangesCollector,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Reads the file, checks every row against the database and reports what would happen. A dry run does
   * this in a read-only transaction; a confirm does it again in the transaction that writes, so what is
   * written is what was checked then, and any error writes nothing at all.
   */
  async run(kind: ImportKind, file: UploadedFile | undefined, options: ImportOptionsDto, dryRun: boolean, actorId: string | null): Promise<ImportReport> {
    if (!file || file.buffer.length === 0) throw new RequestValidationException([{ field: 'file', messages: ['file is required: send the spreadsheet as the multipart field "file"'] }]);
    const fileSha256 = createHash('sha256').update(file.buffer).digest('hex');
    if (!dryRun && options.expectedSha256 && options.expectedSha256.toLowerCase() !== fileSha256) {
      throw new ConflictException('This is not the file the dry run read (expectedSha256 differs); run the dry run again');
    }
    const errors = new ErrorList();
    let format: SpreadsheetFormat;
    let parsed: ParsedFile;
    try {
      format = detectFormat(file.originalname, file.buffer);
      parsed = await this.parse(kind, format, file.buffer, this.cellOptions(format, file.buffer, options), errors);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new BadRequestException(`file: ${error.message}`);
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      if (dryRun) await manager.query('SET TRANSACTION READ ONLY');
      else await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      const references = await ImportReferences.load(manager, { createUnits: options.createUnits ?? false, createPeople: options.createPeople ?? false });
      const plan = parsed.kind === 'pilots'
        ? { kind: parsed.kind, plan: await planPilotImport(manager, parsed.rows, references, errors) }
        : { kind: parsed.kind, plan: await planUpdateImport(manager, parsed.rows, references, errors) };
      const report = this.report(kind, format, fileSha256, parsed.rows.length, plan.plan.outcomes, errors, references, dryRun);
      if (dryRun) return report;
      if (report.errorCount > 0) throw new ImportRejectedException(report);
      await references.createMissing(manager, actorId);
      const { changes } = await this.analysisChanges.during(manager, async () => {
        if (plan.kind === 'pilots') {
          const touched = await applyPilotImport(manager, plan.plan, actorId);
          await this.announce(manager, touched.created, 'pilot_created', actorId);
          await this.announce(manager, touched.changed, 'pilot_edited', actorId);
        } else {
          await this.announce(manager, await applyUpdateImport(manager, plan.plan, actorId), 'update_posted', actorId);
        }
      });
      const analysis = await loadReanalysisSummary(manager, changes, this.config.get('PUBLIC_URL', { infer: true }));
      const { rowCount, created, updated, unchanged } = report;
      // A file that changed nothing (sent again, say) is not news.
      if (created + updated > 0) await this.events.emit(manager, { type: 'import.committed', kind, fileName: file.originalname, actorId, rowCount, created, updated, unchanged });
      return { ...report, committed: true, analysis };
    });
  }

  /** Imported writes go through the same domain event as posted ones, so flags and diagnoses are current on commit. */
  private async announce(manager: EntityManager, pilotIds: string[], change: 'pilot_created' | 'pilot_edited' | 'update_posted', actorId: string | null): Promise<void> {
    for (const pilotId of pilotIds) await this.events.emit(manager, { type: 'pilot.changed', change, pilotId, actorId });
  }

  private cellOptions(format: SpreadsheetFormat, body: Buffer, options: ImportOptionsDto): CellOptions {
    const choice = options.decimalSeparator ?? 'auto';
    const semicolons = format === 'csv' && detectDelimiter(body.subarray(0, 64 * 1024).toString('utf8').replace(/^\ufeff/, '')) === ';';
    return { dateOrder: options.dateOrder ?? 'iso', decimalSeparator: choice === 'auto' ? (semicolons ? 'comma' : 'point') : choice };
  }

  private async parse(kind: ImportKind, format: SpreadsheetFormat, body: Buffer, options: CellOptions, errors: ErrorList): Promise<ParsedFile> {
    if (kind === 'pilots') {
      const rows: { pilot: PilotRecord; kpi: KpiRecord | null }[] = [];
      for await (const typed of typedRows(format, body, PILOT_FILE_COLUMNS, options, errors)) rows.push(readPilotRow(typed, errors));
      return { kind, rows };
    }
    const rows: UpdateRecord[] = [];
    for await (const typed of typedRows(format, body, UPDATE_FILE_COLUMNS, options, errors)) rows.push(readUpdateRow(typed, options, errors));
    return { kind, rows };
  }

  private report(
    kind: ImportKind,
    format: SpreadsheetFormat,
    fileSha256: string,
    rowCount: number,
    outcomes: ImportRowOutcome[],
    errors: ErrorList,
    references: ImportReferences,
    dryRun: boolean,
  ): ImportReport {
    const count = (action: ImportRowOutcome['action']) => outcomes.filter((o) => o.action === action).length;
    const sorted = [...errors.items].sort((a, b) => a.row - b.row);
    return {
      kind,
      dryRun,
      committed: false,
      format,
      fileSha256,
      rowCount,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      peopleCreated: references.createdPeopleEmails(),
      unitsCreated: references.createdUnitNames(),
      rows: outcomes,
      errors: sorted.slice(0, MAX_REPORTED_IMPORT_ERRORS),
      errorCount: sorted.length,
      analysis: null,
    };
  }
}
