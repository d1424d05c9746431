import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { Page, WeeklyUpdate } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { Allow, AnyRole } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { PageQueryDto } from '../common/pagination';
import { CreateWeeklyUpdateDto, EditWeeklyUpdateDto, UpdateListQueryDto } from './dto/weekly-update.dto';
import { UpdatesService } from './updates.service';

@ApiTags('weekly updates')
@Controller()
export class UpdatesController {
  constructor(private readonly updates: UpdatesService) {}

  @AnyRole()
  @Get('updates')
  @ApiOperation({ summary: 'List weekly updates across the portfolio, filtered and paged' })
  @ApiResult('WeeklyUpdatePage')
  listPortfolio(@Query() query: UpdateListQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listPortfolio(query);
  }

  @AnyRole()
  @Get('updates/:id')
  @ApiOperation({ summary: 'Get a weekly update' })
  @ApiResult('WeeklyUpdate')
  get(@IdParam() id: string): Promise<WeeklyUpdate> {
    return this.updates.get(id);
  }

  @Allow('program_office', 'pilot_lead')
  @Patch('updates/:id')
  @ApiOperation({ summary: 'Edit a weekly update' })
  @ApiResult('WeeklyUpdate')
  edit(@IdParam() id: string, @Body() dto: EditWeeklyUpdateDto, @CurrentActor() actor: Actor): Promise<WeeklyUpdate> {
    return this.updates.edit(id, dto, actor);
  }

  @AnyRole()
  @Get('pilots/:pilotId/updates')
  @ApiOperation({ summary: "List a pilot's weekly updates, newest first" })
  @ApiResult('WeeklyUpdatePage')
  listForPilot(@IdParam('pilotId') pilotId: string, @Query() query: PageQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listForPilot(pilotId, query);
  }

  /** Pilot leads post for the pilots they lead; the author is whoever is signed in. */
  @Allow('program_office', 'pilot_lead')
  @Post('pilots/:pilotId/updates')
  @ApiOperation({ summary: 'Post the weekly update of a pilot' })
  @ApiResult('WeeklyUpdate')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateWeeklyUpdateDto, @CurrentActor() actor: Actor): Promise<WeeklyUpdate> {
    return this.updates.create(pilotId, dto, actor);
  }
}
