import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Pilot, StageChange } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { ChangeStageDto, PilotListQueryDto } from './dto/pilot-query.dto';
import { CreatePilotDto, UpdatePilotDto } from './dto/pilot.dto';
import { PilotsService } from './pilots.service';

@ApiTags('pilots')
@Controller('pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  @Get()
  list(@Query() query: PilotListQueryDto): Promise<Page<Pilot>> {
    return this.pilots.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<Pilot> {
    return this.pilots.get(id);
  }

  @Post()
  create(@Body() dto: CreatePilotDto): Promise<Pilot> {
    return this.pilots.create(dto);
  }

  @Patch(':id')
  update(@IdParam() id: string, @Body() dto: UpdatePilotDto): Promise<Pilot> {
    return this.pilots.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@IdParam() id: string): Promise<void> {
    return this.pilots.remove(id);
  }

  @Post(':id/stage')
  @HttpCode(200)
  changeStage(@IdParam() id: string, @Body() dto: ChangeStageDto): Promise<Pilot> {
    return this.pilots.changeStage(id, dto);
  }

  @Get(':id/stage-changes')
  stageChanges(@IdParam() id: string): Promise<StageChange[]> {
    return this.pilots.stageChanges(id);
  }
}
