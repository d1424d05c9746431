import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Kpi } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { CreateKpiDto, UpdateKpiDto } from './dto/kpi.dto';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@Controller()
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get('pilots/:pilotId/kpis')
  list(@IdParam('pilotId') pilotId: string): Promise<Kpi[]> {
    return this.kpis.listForPilot(pilotId);
  }

  @Post('pilots/:pilotId/kpis')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateKpiDto): Promise<Kpi> {
    return this.kpis.create(pilotId, dto);
  }

  @Get('kpis/:id')
  get(@IdParam() id: string): Promise<Kpi> {
    return this.kpis.get(id);
  }

  @Patch('kpis/:id')
  update(@IdParam() id: string, @Body() dto: UpdateKpiDto): Promise<Kpi> {
    return this.kpis.update(id, dto);
  }

  @Delete('kpis/:id')
  @HttpCode(204)
  remove(@IdParam() id: string): Promise<void> {
    return this.kpis.remove(id);
  }
}
