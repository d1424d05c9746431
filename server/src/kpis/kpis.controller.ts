import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Kpi } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { Allow, AnyRole } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { CreateKpiDto, UpdateKpiDto } from './dto/kpi.dto';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@Controller()
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @AnyRole()
  @Get('pilots/:pilotId/kpis')
  list(@IdParam('pilotId') pilotId: string): Promise<Kpi[]> {
    return this.kpis.listForPilot(pilotId);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('pilots/:pilotId/kpis')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateKpiDto, @CurrentActor() actor: Actor): Promise<Kpi> {
    return this.kpis.create(pilotId, dto, actor);
  }

  @AnyRole()
  @Get('kpis/:id')
  get(@IdParam() id: string): Promise<Kpi> {
    return this.kpis.get(id);
  }

  @Allow('program_office', 'pilot_lead')
  @Patch('kpis/:id')
  update(@IdParam() id: string, @Body() dto: UpdateKpiDto, @CurrentActor() actor: Actor): Promise<Kpi> {
    return this.kpis.update(id, dto, actor);
  }

  @Allow('program_office', 'pilot_lead')
  @Delete('kpis/:id')
  @HttpCode(204)
  remove(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.kpis.remove(id, actor);
  }
}
