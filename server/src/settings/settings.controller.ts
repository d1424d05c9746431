import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AnalysisSettings } from '@liftoff/shared';
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
  get(): Promise<AnalysisSettings> {
    return this.settings.get();
  }

  @ProgramOffice()
  @Patch()
  update(@Body() dto: UpdateAnalysisSettingsDto, @CurrentActor() actor: Actor): Promise<AnalysisSettings> {
    return this.settings.update(dto, actor.id);
  }
}
