import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AnalysisSettings } from '@liftoff/shared';
import { UpdateAnalysisSettingsDto } from './dto/analysis-settings.dto';
import { SettingsService } from './settings.service';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

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
  update(@Body() dto: UpdateAnalysisSettingsDto): Promise<AnalysisSettings> {
    return this.settings.update(dto);
  }
}
