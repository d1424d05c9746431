import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  record(@IdParam('pilotId') pilotId: string, @Body() dto: RecordDecisionDto, @CurrentActor() actor: Actor): Promise<DecisionView> {
    return this.decisions.record(pilotId, dto, actor);
  }

  @AnyRole()
  @Get('pilots/:pilotId/decisions')
  forPilot(@IdParam('pilotId') pilotId: string, @Query() query: DecisionListQueryDto): Promise<Page<DecisionView>> {
    return this.decisions.list({ ...query, pilotId });
  }

  @AnyRole()
  @Get('decisions')
  list(@Query() query: DecisionListQueryDto): Promise<Page<DecisionView>> {
    return this.decisions.list(query);
  }

  @AnyRole()
  @Get('decisions/outcomes')
  outcomesSummary(@Query() query: DecisionOutcomesQueryDto): Promise<DecisionOutcomes> {
    return this.outcomes.summary(query);
  }

  @AnyRole()
  @Get('scale-queue')
  scaleQueue(@Query() query: ScaleQueueQueryDto, @CurrentActor() actor: Actor): Promise<Page<ScaleQueueItem>> {
    return this.queue.list(query, actor);
  }
}
