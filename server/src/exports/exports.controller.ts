import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiSpreadsheet } from '../spreadsheets/api-spreadsheet';
import type { Response } from 'express';
import { ProgramOffice } from '../auth/access.decorators';
import { PilotExportQueryDto, WeeklyUpdateExportQueryDto } from './dto/list-export-query.dto';
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
  async pilots(@Query() query: PilotExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { format, ...filters } = query;
    return sendSpreadsheet(res, await this.exports.pilots(format ?? 'csv', filters));
  }

  @ProgramOffice()
  @Get('weekly-updates')
  @ApiSpreadsheet('Download weekly updates with blockers and KPI readings in the import file layout (CSV or XLSX)')
  async weeklyUpdates(@Query() query: WeeklyUpdateExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendSpreadsheet(res, await this.exports.weeklyUpdates(query.format ?? 'csv', query.pilotId));
  }
}
