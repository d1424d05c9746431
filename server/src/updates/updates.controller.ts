import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, WeeklyUpdate } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import { CreateWeeklyUpdateDto, EditWeeklyUpdateDto, UpdateListQueryDto } from './dto/weekly-update.dto';
import { UpdatesService } from './updates.service';

@ApiTags('weekly updates')
@Controller()
export class UpdatesController {
  constructor(private readonly updates: UpdatesService) {}

  @Get('updates')
  listPortfolio(@Query() query: UpdateListQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listPortfolio(query);
  }

  @Get('updates/:id')
  get(@IdParam() id: string): Promise<WeeklyUpdate> {
    return this.updates.get(id);
  }

  @Patch('updates/:id')
  edit(@IdParam() id: string, @Body() dto: EditWeeklyUpdateDto): Promise<WeeklyUpdate> {
    return this.updates.edit(id, dto);
  }

  @Get('pilots/:pilotId/updates')
  listForPilot(@IdParam('pilotId') pilotId: string, @Query() query: PageQueryDto): Promise<Page<WeeklyUpdate>> {
    return this.updates.listForPilot(pilotId, query);
  }

  @Post('pilots/:pilotId/updates')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateWeeklyUpdateDto): Promise<WeeklyUpdate> {
    return this.updates.create(pilotId, dto);
  }
}
