import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProgramOffice } from '../auth/access.decorators';
import { ExportQueryDto } from '../imports/dto/import-options.dto';
import { sendSpreadsheet } from '../imports/imports.controller';
import { ExportsService } from './exports.service';

const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Downloads in the columns the import reads (docs/IMPORT.md). */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @ProgramOffice()
  @Get('pilots')
  @ApiProduces(...SPREADSHEET_TYPES)
  async pilots(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendSpreadsheet(res, await this.exports.pilots(query.format ?? 'csv'));
  }

  @ProgramOffice()
  @Get('weekly-updates')
  @ApiProduces(...SPREADSHEET_TYPES)
  async weeklyUpdates(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendSpreadsheet(res, await this.exports.weeklyUpdates(query.format ?? 'csv'));
  }
}
