import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { SpreadsheetFormat } from '@liftoff/shared';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { BlockersService } from '../blockers/blockers.service';
import { DecisionsService } from '../decisions/decisions.service';
import { ScaleQueueService } from '../decisions/scale-queue.service';
import { SignalsService } from '../signals/signals.service';
import { CONTENT_TYPES } from '../spreadsheets/spreadsheet-writer';
import { datedExportName } from '../spreadsheets/export-file-name';
import { streamSpreadsheet, type ExportColumn } from '../spreadsheets/spreadsheet-stream';
import { AuditExportQueryDto, BlockerExportQueryDto, DecisionExportQueryDto, FlagExportQueryDto, ScaleQueueExportQueryDto } from './dto/list-export-query.dto';
import { AUDIT_EXPORT_COLUMNS, BLOCKER_EXPORT_COLUMNS, DECISION_EXPORT_COLUMNS, FLAG_EXPORT_COLUMNS, SCALE_QUEUE_EXPORT_COLUMNS } from './list-export-columns';

/** Drops the export-only `format` so the list's own query is what the list's service sees. */
function listQuery<Q extends { format?: SpreadsheetFormat }>(query: Q): Omit<Q, 'format'> {
  const { format: _format, ...rest } = query;
  return rest;
}

/** The first batch already read, then the rest: so a failure before any byte is sent is still a proper error answer. */
async function* startingWith<T>(first: IteratorResult<T[]>, rest: AsyncIterator<T[]>): AsyncGenerator<T[]> {
  if (first.done) return;
  yield first.value;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

@Injectable()
export class ListExportsService {
  private readonly logger = new Logger(ListExportsService.name);

  constructor(
    private readonly signals: SignalsService,
    private readonly blockerList: BlockersService,
    private readonly decisionLog: DecisionsService,
    private readonly queue: ScaleQueueService,
    private readonly trail: AuditService,
  ) {}

  /** The stuck list: open flags unless a status is asked for, grouped by pilot as on the page. */
  flags(query: FlagExportQueryDto, res: Response): Promise<void> {
    return this.send(res, query.format, 'flags', FLAG_EXPORT_COLUMNS, this.signals.allFlagsByPilot(listQuery(query)));
  }

  blockers(query: BlockerExportQueryDto, res: Response): Promise<void> {
    return this.send(res, query.format, 'blockers', BLOCKER_EXPORT_COLUMNS, this.blockerList.listAll(listQuery(query)));
  }

  decisions(query: DecisionExportQueryDto, res: Response): Promise<void> {
    return this.send(res, query.format, 'decisions', DECISION_EXPORT_COLUMNS, this.decisionLog.listAll(listQuery(query)));
  }

  scaleQueue(query: ScaleQueueExportQueryDto, actor: Actor, res: Response): Promise<void> {
    return this.send(res, query.format, 'scale-queue', SCALE_QUEUE_EXPORT_COLUMNS, this.queue.listAll(listQuery(query), actor));
  }

  audit(query: AuditExportQueryDto, res: Response): Promise<void> {
    return this.send(res, query.format, 'audit-trail', AUDIT_EXPORT_COLUMNS, this.trail.listAll(listQuery(query)));
  }

  private async send<T>(res: Response, format: SpreadsheetFormat = 'csv', name: string, columns: readonly ExportColumn<T>[], batches: AsyncGenerator<T[]>): Promise<void> {
    // Read before answering: a refused or failed read is an ordinary error response, not a broken file.
    const first = await batches.next();
    const fileName = `${datedExportName(name)}.${format}`;
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await streamSpreadsheet(format, res, columns, startingWith(first, batches), name);
    } catch (error) {
      // Headers are gone: the only honest signal left is a cut connection, which the download shows as failed.
      if (!res.destroyed) this.logger.error(`Export of ${name} failed after it started: ${(error as Error).message}`);
      res.destroy(error as Error);
    }
  }
}
