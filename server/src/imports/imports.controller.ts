import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import { ApiSpreadsheet } from '../spreadsheets/api-spreadsheet';
import type { Response } from 'express';
import { DATE_ORDERS, DECIMAL_SEPARATORS, IMPORT_KINDS, PILOT_FILE_COLUMNS, UPDATE_FILE_COLUMNS, type ImportKind, type ImportReport } from '@liftoff/shared';
import { ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { writeSpreadsheet, type SpreadsheetFile } from '../spreadsheets/spreadsheet-writer';
import { ExportQueryDto, ImportOptionsDto } from './dto/import-options.dto';
import { ImportsService, type UploadedFile as ImportFile } from './imports.service';

/** Largest file accepted: about 60,000 update rows of ordinary length. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const upload = FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'The CSV or XLSX file' },
      dateOrder: { type: 'string', enum: [...DATE_ORDERS] },
      decimalSeparator: { type: 'string', enum: [...DECIMAL_SEPARATORS] },
      createPeople: { type: 'boolean' },
      createUnits: { type: 'boolean' },
      expectedSha256: { type: 'string' },
    },
  },
};

function importKind(value: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) throw new NotFoundException(`There is no import of "${value}"; imports are ${IMPORT_KINDS.join(', ')}`);
  return value as ImportKind;
}

/** Sends a spreadsheet as a download. */
export function sendSpreadsheet(res: Response, file: SpreadsheetFile): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  return new StreamableFile(file.body, { type: file.contentType, length: file.body.length });
}

/**
 * Spreadsheet imports. The uploads are multipart/form-data, the one deliberate exception to the
 * JSON-only rule for writes (the write guard still refuses other sites' origins; see write-request-guard.ts).
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @ProgramOffice()
  @Post(':kind/dry-run')
  @ApiOperation({ summary: 'Check an import file row by row and report what it would change, writing nothing' })
  @ApiResult('ImportReport')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @UseInterceptors(upload)
  dryRun(@Param('kind') kind: string, @UploadedFile() file: ImportFile | undefined, @Body() options: ImportOptionsDto, @CurrentActor() actor: Actor): Promise<ImportReport> {
    return this.imports.run(importKind(kind), file, options, true, actor.id);
  }

  @ProgramOffice()
  @Post(':kind')
  @ApiOperation({ summary: 'Import a file: every row in one transaction, or nothing when any row is wrong' })
  @ApiResult('ImportReport')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @UseInterceptors(upload)
  confirm(@Param('kind') kind: string, @UploadedFile() file: ImportFile | undefined, @Body() options: ImportOptionsDto, @CurrentActor() actor: Actor): Promise<ImportReport> {
    return this.imports.run(importKind(kind), file, options, false, actor.id);
  }

  /** An empty file with the header row, to fill in. */
  @ProgramOffice()
  @Get(':kind/template')
  @ApiSpreadsheet('Download an empty import file with its header row')
  async template(@Param('kind') kind: string, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const columns = importKind(kind) === 'pilots' ? PILOT_FILE_COLUMNS : UPDATE_FILE_COLUMNS;
    return sendSpreadsheet(res, await writeSpreadsheet(query.format ?? 'csv', `${kind}-template`, columns, []));
  }
}
