import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Blocker, BlockerMatch, BlockerMention, Page, PortfolioBlocker, SplitBlockerResponse } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { Allow, AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { BlockerCorrectionsService } from './blocker-corrections.service';
import { BlockersService } from './blockers.service';
import { BlockerListQueryDto, BlockerMatchQueryDto, MergeBlockersDto, PortfolioBlockerQueryDto, ReopenBlockerDto, ResolveBlockerDto, SplitBlockerDto } from './dto/blocker.dto';

@ApiTags('blockers')
@Controller()
export class BlockersController {
  constructor(
    private readonly blockers: BlockersService,
    private readonly corrections: BlockerCorrectionsService,
  ) {}

  @AnyRole()
  @Get('pilots/:pilotId/blockers')
  list(@IdParam('pilotId') pilotId: string, @Query() query: BlockerListQueryDto): Promise<Blocker[]> {
    return this.blockers.listForPilot(pilotId, query.status);
  }

  @AnyRole()
  @Get('pilots/:pilotId/blocker-matches')
  matches(@IdParam('pilotId') pilotId: string, @Query() query: BlockerMatchQueryDto): Promise<BlockerMatch[]> {
    return this.blockers.matches(pilotId, query.text);
  }

  @AnyRole()
  @Get('blockers/:id/mentions')
  mentions(@IdParam() id: string): Promise<BlockerMention[]> {
    return this.blockers.mentions(id);
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

  @ProgramOffice()
  @Post('blockers/:id/merge')
  @HttpCode(200)
  merge(@IdParam() id: string, @Body() dto: MergeBlockersDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.corrections.merge(id, dto, actor.id);
  }

  @ProgramOffice()
  @Post('blockers/:id/split')
  @HttpCode(200)
  split(@IdParam() id: string, @Body() dto: SplitBlockerDto, @CurrentActor() actor: Actor): Promise<SplitBlockerResponse> {
    return this.corrections.split(id, dto, actor.id);
  }
}
