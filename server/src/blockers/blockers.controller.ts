import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Blocker } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { BlockersService } from './blockers.service';
import { BlockerListQueryDto, ResolveBlockerDto } from './dto/blocker.dto';

@ApiTags('blockers')
@Controller()
export class BlockersController {
  constructor(private readonly blockers: BlockersService) {}

  @Get('pilots/:pilotId/blockers')
  list(@IdParam('pilotId') pilotId: string, @Query() query: BlockerListQueryDto): Promise<Blocker[]> {
    return this.blockers.listForPilot(pilotId, query.status);
  }

  @Post('blockers/:id/resolve')
  @HttpCode(200)
  resolve(@IdParam() id: string, @Body() dto: ResolveBlockerDto): Promise<Blocker> {
    return this.blockers.resolve(id, dto);
  }
}
