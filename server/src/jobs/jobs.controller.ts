import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JobsOverview } from '@liftoff/shared';
import { ProgramOffice } from '../auth/access.decorators';
import { ApiResult } from '../openapi/api-result';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @ProgramOffice()
  @Get()
  @ApiOperation({ summary: 'Background job queues: jobs by state, schedules and the latest failures' })
  @ApiResult('JobsOverview')
  overview(): Promise<JobsOverview> {
    return this.jobs.overview();
  }
}
