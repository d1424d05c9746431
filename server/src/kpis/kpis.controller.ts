import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
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
  @ApiOperation({ summary: "List a pilot's KPIs" })
  @ApiResult('Kpi[]')
  list(@IdParam('pilotId') pilotId: string): Promise<Kpi[]> {
    return this.kpis.listForPilot(pilotId);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('pilots/:pilotId/kpis')
  @ApiOperation({ summary: 'Add a KPI to a pilot' })
  @ApiResult('Kpi')
  create(@IdParam('pilotId') pilotId: string, @Body() dto: CreateKpiDto, @CurrentActor() actor: Actor): Promise<Kpi> {
    return this.kpis.create(pilotId, dto, actor);
  }

  @AnyRole()
  @Get('kpis/:id')
  @ApiOperation({ summary: 'Get a KPI' })
  @ApiResult('Kpi')
  get(@IdParam() id: string): Promise<Kpi> {
    return this.kpis.get(id);
  }

  @Allow('program_office', 'pilot_lead')
  @Patch('kpis/:id')
  @ApiOperation({ summary: 'Edit a KPI' })
  @ApiResult('Kpi')
  update(@IdParam() id: string, @Body() dto: UpdateKpiDto, @CurrentActor() actor: Actor): Promise<Kpi> {
    return this.kpis.update(id, dto, actor);
  }

  @Allow('program_office', 'pilot_lead')
  @Delete('kpis/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a KPI that has no readings' })
  remove(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.kpis.remove(id, actor);
  }
}
