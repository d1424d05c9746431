import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { Page, Pilot, StageChange } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { Allow, AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { ChangeStageDto, PilotListQueryDto } from './dto/pilot-query.dto';
import { CreatePilotDto, UpdatePilotDto } from './dto/pilot.dto';
import { PilotsService } from './pilots.service';

@ApiTags('pilots')
@Controller('pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'List pilots, filtered, sorted and paged' })
  @ApiResult('PilotPage')
  list(@Query() query: PilotListQueryDto): Promise<Page<Pilot>> {
    return this.pilots.list(query);
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'Get a pilot' })
  @ApiResult('Pilot')
  get(@IdParam() id: string): Promise<Pilot> {
    return this.pilots.get(id);
  }

  @ProgramOffice()
  @Post()
  @ApiOperation({ summary: 'Create a pilot' })
  @ApiResult('Pilot')
  create(@Body() dto: CreatePilotDto, @CurrentActor() actor: Actor): Promise<Pilot> {
    return this.pilots.create(dto, actor.id);
  }

  /** Pilot leads may edit their own pilots, except who sponsors and who leads them. */
  @Allow('program_office', 'pilot_lead')
  @Patch(':id')
  @ApiOperation({ summary: 'Edit a pilot' })
  @ApiResult('Pilot')
  update(@IdParam() id: string, @Body() dto: UpdatePilotDto, @CurrentActor() actor: Actor): Promise<Pilot> {
    return this.pilots.update(id, dto, actor);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a pilot' })
  remove(@IdParam() id: string): Promise<void> {
    return this.pilots.remove(id);
  }

  @ProgramOffice()
  @Post(':id/stage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a pilot to another stage' })
  @ApiResult('Pilot')
  changeStage(@IdParam() id: string, @Body() dto: ChangeStageDto, @CurrentActor() actor: Actor): Promise<Pilot> {
    return this.pilots.changeStage(id, dto, actor.id);
  }

  @AnyRole()
  @Get(':id/stage-changes')
  @ApiOperation({ summary: "List a pilot's stage changes" })
  @ApiResult('StageChange[]')
  stageChanges(@IdParam() id: string): Promise<StageChange[]> {
    return this.pilots.stageChanges(id);
  }
}
