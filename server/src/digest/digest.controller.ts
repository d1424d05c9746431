import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DigestPreview, DigestSettings } from '@liftoff/shared';
import { ApiResult } from '../openapi/api-result';
import { Allow, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { DigestService } from './digest.service';
import { DigestSettingsService } from './digest-settings.service';
import { UpdateDigestSettingsDto } from './dto/digest-settings.dto';

@ApiTags('settings')
@Controller('settings/digest')
export class DigestSettingsController {
  constructor(private readonly settings: DigestSettingsService) {}

  @ProgramOffice()
  @ApiOperation({ summary: 'Get when the weekly digest goes out (weekday and hour on each recipient’s clock)' })
  @ApiResult('DigestSettings')
  @Get()
  get(): Promise<DigestSettings> {
    return this.settings.get();
  }

  @ProgramOffice()
  @ApiOperation({ summary: 'Switch the weekly digest on or off, or move it to another weekday or hour' })
  @ApiResult('DigestSettings')
  @Patch()
  update(@Body() dto: UpdateDigestSettingsDto): Promise<DigestSettings> {
    return this.settings.update(dto);
  }
}

@ApiTags('digest')
@Controller('digest')
export class DigestController {
  constructor(private readonly digest: DigestService) {}

  @Allow('program_office', 'executive')
  @ApiOperation({ summary: 'The weekly digest you would receive if it were made now (the seven days before your today)' })
  @ApiResult('DigestPreview')
  @Get('preview')
  preview(@CurrentActor() actor: Actor): Promise<DigestPreview> {
    return this.digest.preview(actor.id);
  }
}
