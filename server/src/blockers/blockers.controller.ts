import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Blocker, Page, PortfolioBlocker } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { Allow, AnyRole } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { BlockersService } from './blockers.service';
import { BlockerListQueryDto, PortfolioBlockerQueryDto, ReopenBlockerDto, ResolveBlockerDto } from './dto/blocker.dto';

@ApiTags('blockers')
@Controller()
export class BlockersController {
  constructor(private readonly blockers: BlockersService) {}

  @AnyRole()
  @Get('pilots/:pilotId/blockers')
  list(@IdParam('pilotId') pilotId: string, @Query() query: BlockerListQueryDto): Promise<Blocker[]> {
    return this.blockers.listForPilot(pilotId, query.status);
  }

  @AnyRole()
  @Get('blockers')
  listAll(@Query() query: PortfolioBlockerQueryDto): Promise<Page<PortfolioBlocker>> {
    return this.blockers.list(query);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('blockers/:id/resolve')
  @HttpCode(200)
  resolve(@IdParam() id: string, @Body() dto: ResolveBlockerDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.blockers.resolve(id, dto, actor);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('blockers/:id/reopen')
  @HttpCode(200)
  reopen(@IdParam() id: string, @Body() dto: ReopenBlockerDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.blockers.reopen(id, dto, actor);
  }
}
