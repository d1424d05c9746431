import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { Pack, PackSummary, Page } from '@liftoff/shared';
import { Allow, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { IdParam } from '../common/id-param';
import { CreatePackDto, PackListQueryDto } from './dto/pack.dto';
import { PacksService } from './packs.service';

/** Steering-committee packs: the program office makes them, executives read them too. */
@ApiTags('packs')
@Controller('packs')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  @ProgramOffice()
  @ApiOperation({ summary: 'Freeze a dated steering-committee pack of the portfolio as it is now' })
  @ApiResult('Pack')
  @Post()
  create(@Body() dto: CreatePackDto, @CurrentActor() actor: Actor): Promise<Pack> {
    return this.packs.create(dto, actor);
  }

  /** Newest first. */
  @Allow('program_office', 'executive')
  @ApiOperation({ summary: 'List the packs, newest first' })
  @ApiResult('PackSummaryPage')
  @Get()
  list(@Query() query: PackListQueryDto): Promise<Page<PackSummary>> {
    return this.packs.list(query);
  }

  @Allow('program_office', 'executive')
  @ApiOperation({ summary: 'One pack, with what changed since the previous pack' })
  @ApiResult('Pack')
  @Get(':id')
  get(@IdParam() id: string): Promise<Pack> {
    return this.packs.get(id);
  }
}
