import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { AuditExportQueryDto, BlockerExportQueryDto, DecisionExportQueryDto, FlagExportQueryDto, ScaleQueueExportQueryDto } from './dto/list-export-query.dto';
import { ListExportsService } from './list-exports.service';

const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

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
  @ApiProduces(...SPREADSHEET_TYPES)
  flags(@Query() query: FlagExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.flags(query, res);
  }

  @AnyRole()
  @Get('blockers')
  @ApiProduces(...SPREADSHEET_TYPES)
  blockers(@Query() query: BlockerExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.blockers(query, res);
  }

  @AnyRole()
  @Get('decisions')
  @ApiProduces(...SPREADSHEET_TYPES)
  decisions(@Query() query: DecisionExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.decisions(query, res);
  }

  @AnyRole()
  @Get('scale-queue')
  @ApiProduces(...SPREADSHEET_TYPES)
  scaleQueue(@Query() query: ScaleQueueExportQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    return this.exports.scaleQueue(query, actor, res);
  }

  @ProgramOffice()
  @Get('audit')
  @ApiProduces(...SPREADSHEET_TYPES)
  audit(@Query() query: AuditExportQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.audit(query, res);
  }
}
