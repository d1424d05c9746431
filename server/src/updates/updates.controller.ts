import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  listPortfolio(@Query() query: UpdateListQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listPortfolio(query);
  }

  @AnyRole()
  @Get('updates/:id')
  get(@IdParam() id: string): Promise<WeeklyUpdate> {
    return this.updates.get(id);
  }

  @Allow('program_office', 'pilot_lead')
  @Patch('updates/:id')
  edit(@IdParam() id: string, @Body() dto: EditWeeklyUpdateDto, @CurrentActor() actor: Actor): Promise<WeeklyUpdate> {
    return this.updates.edit(id, dto, actor);
  }

  @AnyRole()
  @Get('pilots/:pilotId/updates')
  listForPilot(@IdParam('pilotId') pilotId: string, @Query() query: PageQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listForPilot(pilotId, query);
  }

  /** Pilot leads post for the pilots they lead; the author is whoever is signed in. */
  @Allow('program_office', 'pilot_lead')
  @Post('pilots/:pilotId/updates')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateWeeklyUpdateDto, @CurrentActor() actor: Actor): Promise<WeeklyUpdate> {
    return this.updates.create(pilotId, dto, actor);
  }
}
