import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiSpreadsheet } from '../spreadsheets/api-spreadsheet';
import type { Response } from 'express';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { AuditExportQueryDto, BlockerExportQueryDto, DecisionExportQueryDto, FlagExportQueryDto, ScaleQueueExportQueryDto } from './dto/list-export-query.dto';
import { ListExportsService } from './list-exports.service';


/**
 * Each list as a file, filtered and ordered as the list endpoint answers (same query, no pages).
 * Whoever may read a list may export it. The file is written to the response as it is read.
 */
@ApiTags('exports')
@Controller('exports')
export class ListExportsController {
  constructor(private readonly exports: ListExportsService) {}

  @AnyRole()
  @Get('flags')
  @ApiSpreadsheet('Download the stuck signs as CSV or XLSX, filtered and ordered as the list')
  flags(@Query() query: FlagExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.flags(query, res);
  }

  @AnyRole()
  @Get('blockers')
  @ApiSpreadsheet('Download the portfolio blockers as CSV or XLSX, filtered and ordered as the list')
  blockers(@Query() query: BlockerExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.blockers(query, res);
  }

  @AnyRole()
  @Get('decisions')
  @ApiSpreadsheet('Download the decision log as CSV or XLSX, filtered and ordered as the list')
  decisions(@Query() query: DecisionExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.decisions(query, res);
  }

  @AnyRole()
  @Get('scale-queue')
  @ApiSpreadsheet('Download the scale queue as CSV or XLSX, ranked as on screen')
  scaleQueue(@Query() query: ScaleQueueExportQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.exports.scaleQueue(query, actor, res);
  }

  @ProgramOffice()
  @Get('audit')
  @ApiSpreadsheet('Download the audit trail as CSV or XLSX, filtered as the list')
  audit(@Query() query: AuditExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.audit(query, res);
  }
}
