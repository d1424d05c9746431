import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiSpreadsheet } from '../spreadsheets/api-spreadsheet';
import type { Response } from 'express';
import { ProgramOffice } from '../auth/access.decorators';
import { ExportQueryDto } from '../imports/dto/import-options.dto';
import { sendSpreadsheet } from '../imports/imports.controller';
import { ExportsService } from './exports.service';


/** Downloads in the columns the import reads (docs/IMPORT.md). */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @ProgramOffice()
  @Get('pilots')
  @ApiSpreadsheet('Download the pilots with their KPIs in the import file layout (CSV or XLSX)')
  async pilots(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendSpreadsheet(res, await this.exports.pilots(query.format ?? 'csv'));
  }

  @ProgramOffice()
  @Get('weekly-updates')
  @ApiSpreadsheet('Download weekly updates with blockers and KPI readings in the import file layout (CSV or XLSX)')
  async weeklyUpdates(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendSpreadsheet(res, await this.exports.weeklyUpdates(query.format ?? 'csv'));
  }
}
