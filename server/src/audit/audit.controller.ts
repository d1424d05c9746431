import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { AuditEventView, Page } from '@liftoff/shared';
import { ProgramOffice } from '../auth/access.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ProgramOffice()
  @Get()
  @ApiOperation({ summary: 'List the audit trail of writes, filtered and paged' })
  @ApiResult('AuditEventPage')
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.list(query);
  }
}
