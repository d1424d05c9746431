import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReadinessAssessment } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { AssessmentsService } from './assessments.service';
import { CreateAssessmentDto } from './dto/assessment.dto';

@ApiTags('readiness assessments')
@Controller('pilots/:pilotId/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  list(@IdParam('pilotId') pilotId: string): Promise<ReadinessAssessment[]> {
    return this.assessments.listForPilot(pilotId);
  }

  @Post()
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateAssessmentDto): Promise<ReadinessAssessment> {
    return this.assessments.create(pilotId, dto);
  }
}
