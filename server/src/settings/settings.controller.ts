import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { AnalysisSettings, SavedAnalysisSettings } from '@liftoff/shared';
import { UpdateAnalysisSettingsDto } from './dto/analysis-settings.dto';
import { SettingsService } from './settings.service';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Get the stuck-detection thresholds' })
  @ApiResult('AnalysisSettings')
  get(): Promise<AnalysisSettings> {
    return this.settings.get();
  }

  @ProgramOffice()
  @Patch()
  @ApiOperation({ summary: 'Change the stuck-detection thresholds; every pilot is re-assessed with them before the answer' })
  @ApiResult('SavedAnalysisSettings')
  update(@Body() dto: UpdateAnalysisSettingsDto, @CurrentActor() actor: Actor): Promise<SavedAnalysisSettings> {
    return this.settings.update(dto, actor.id);
  }
}
