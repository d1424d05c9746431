import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { ReadinessAssessment } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { CurrentActor, type Actor } from '../auth/actor';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentDto } from './dto/assessment.dto';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

@ApiTags('readiness assessments')
@Controller('pilots/:pilotId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: "List a pilot's readiness assessments, newest first" })
  @ApiResult('ReadinessAssessment[]')
  list(@IdParam('pilotId') pilotId: string): Promise<ReadinessAssessment[]> {
    return this.assessments.listForPilot(pilotId);
  }

  @ProgramOffice()
  @Post()
  @ApiOperation({ summary: 'Record a readiness assessment of a pilot' })
  @ApiResult('ReadinessAssessment')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateAssessmentDto, @CurrentActor() actor: Actor): Promise<ReadinessAssessment> {
    return this.assessments.create(pilotId, dto, actor.id);
  }
}
