import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { DecisionOutcomes, DecisionView, Page, ScaleQueueItem } from '@liftoff/shared';
import { Allow, AnyRole } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { IdParam } from '../common/id-param';
import { DecisionsService } from './decisions.service';
import { DecisionListQueryDto, DecisionOutcomesQueryDto, RecordDecisionDto, ScaleQueueQueryDto } from './dto/decision.dto';
import { OutcomesService } from './outcomes.service';
import { ScaleQueueService } from './scale-queue.service';

@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly queue: ScaleQueueService,
    private readonly outcomes: OutcomesService,
  ) {}

  /** Executives decide for the pilots they sponsor; the program office for any. */
  @Allow('program_office', 'executive')
  @Post('pilots/:pilotId/decisions')
  @ApiOperation({ summary: 'Record a decision on a pilot: scale, pivot, kill or continue' })
  @ApiResult('DecisionView')
  record(@IdParam('pilotId') pilotId: string, @Body() dto: RecordDecisionDto, @CurrentActor() actor: Actor): Promise<DecisionView> {
    return this.decisions.record(pilotId, dto, actor);
  }

  @AnyRole()
  @Get('pilots/:pilotId/decisions')
  @ApiOperation({ summary: "List a pilot's decisions, paged" })
  @ApiResult('DecisionPage')
  forPilot(@IdParam('pilotId') pilotId: string, @Query() query: DecisionListQueryDto): Promise<Page<DecisionView>> {
    return this.decisions.list({ ...query, pilotId });
  }

  @AnyRole()
  @Get('decisions')
  @ApiOperation({ summary: 'List decisions across the portfolio, filtered and paged' })
  @ApiResult('DecisionPage')
  list(@Query() query: DecisionListQueryDto): Promise<Page<DecisionView>> {
    return this.decisions.list(query);
  }

  @AnyRole()
  @Get('decisions/outcomes')
  @ApiOperation({ summary: 'What became of past scale and pivot decisions' })
  @ApiResult('DecisionOutcomes')
  outcomesSummary(@Query() query: DecisionOutcomesQueryDto): Promise<DecisionOutcomes> {
    return this.outcomes.summary(query);
  }

  @AnyRole()
  @Get('scale-queue')
  @ApiOperation({ summary: 'Pilots waiting for a decision, most pressing first, a page at a time' })
  @ApiResult('ScaleQueuePage')
  scaleQueue(@Query() query: ScaleQueueQueryDto, @CurrentActor() actor: Actor): Promise<Page<ScaleQueueItem>> {
    return this.queue.list(query, actor);
  }
}
