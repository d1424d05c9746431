import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  @Post()
  create(@Body() dto: CreatePackDto, @CurrentActor() actor: Actor): Promise<Pack> {
    return this.packs.create(dto, actor);
  }

  /** Newest first. */
  @Allow('program_office', 'executive')
  @Get()
  list(@Query() query: PackListQueryDto): Promise<Page<PackSummary>> {
    return this.packs.list(query);
  }

  @Allow('program_office', 'executive')
  @Get(':id')
  get(@IdParam() id: string): Promise<Pack> {
    return this.packs.get(id);
  }
}
