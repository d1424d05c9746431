import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
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
  @ApiOperation({ summary: "List a pilot's blockers" })
  @ApiResult('Blocker[]')
  list(@IdParam('pilotId') pilotId: string, @Query() query: BlockerListQueryDto): Promise<Blocker[]> {
    return this.blockers.listForPilot(pilotId, query.status);
  }

  @AnyRole()
  @Get('pilots/:pilotId/blocker-matches')
  @ApiOperation({ summary: "Find a pilot's existing blockers that match a text" })
  @ApiResult('BlockerMatch[]')
  matches(@IdParam('pilotId') pilotId: string, @Query() query: BlockerMatchQueryDto): Promise<BlockerMatch[]> {
    return this.blockers.matches(pilotId, query.text);
  }

  @AnyRole()
  @Get('blockers/:id/mentions')
  @ApiOperation({ summary: 'List the weekly updates that mention a blocker' })
  @ApiResult('BlockerMention[]')
  mentions(@IdParam() id: string): Promise<BlockerMention[]> {
    return this.blockers.mentions(id);
  }

  @AnyRole()
  @Get('blockers')
  @ApiOperation({ summary: 'List blockers across the portfolio, filtered and paged' })
  @ApiResult('PortfolioBlockerPage')
  listAll(@Query() query: PortfolioBlockerQueryDto): Promise<Page<PortfolioBlocker>> {
    return this.blockers.list(query);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('blockers/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a blocker resolved' })
  @ApiResult('Blocker')
  resolve(@IdParam() id: string, @Body() dto: ResolveBlockerDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.blockers.resolve(id, dto, actor);
  }

  @Allow('program_office', 'pilot_lead')
  @Post('blockers/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved blocker' })
  @ApiResult('Blocker')
  reopen(@IdParam() id: string, @Body() dto: ReopenBlockerDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.blockers.reopen(id, dto, actor);
  }

  @ProgramOffice()
  @Post('blockers/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge duplicate blockers into this one' })
  @ApiResult('Blocker')
  merge(@IdParam() id: string, @Body() dto: MergeBlockersDto, @CurrentActor() actor: Actor): Promise<Blocker> {
    return this.corrections.merge(id, dto, actor.id);
  }

  @ProgramOffice()
  @Post('blockers/:id/split')
  @HttpCode(200)
  @ApiOperation({ summary: 'Split a blocker that lumped two problems together' })
  @ApiResult('SplitBlockerResponse')
  split(@IdParam() id: string, @Body() dto: SplitBlockerDto, @CurrentActor() actor: Actor): Promise<SplitBlockerResponse> {
    return this.corrections.split(id, dto, actor.id);
  }
}
