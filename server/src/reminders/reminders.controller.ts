import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DueUpdates, ReminderSettings } from '@liftoff/shared';
import { ApiResult } from '../openapi/api-result';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';
import { CurrentActor, type Actor } from '../auth/actor';
import { UpdateReminderSettingsDto } from './dto/reminder-settings.dto';
import { ReminderSettingsService } from './reminder-settings.service';
import { DueUpdatesService } from './due-updates.service';

@ApiTags('settings')
@Controller('settings/reminders')
export class ReminderSettingsController {
  constructor(private readonly settings: ReminderSettingsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Get when update reminders go out and how soon they escalate' })
  @ApiResult('ReminderSettings')
  get(): Promise<ReminderSettings> {
    return this.settings.get();
  }

  @ProgramOffice()
  @Patch()
  @ApiOperation({ summary: 'Change the reminder weekday and hour, the grace periods, or switch reminders off' })
  @ApiResult('ReminderSettings')
  update(@Body() dto: UpdateReminderSettingsDto): Promise<ReminderSettings> {
    return this.settings.update(dto);
  }
}

@ApiTags('updates')
@Controller('me')
export class DueUpdatesController {
  constructor(private readonly dueUpdates: DueUpdatesService) {}

  @AnyRole()
  @Get('due-updates')
  @ApiOperation({ summary: 'List the pilots I lead that still need this week\'s update (the week of my time zone)' })
  @ApiResult('DueUpdates')
  get(@CurrentActor() actor: Actor): Promise<DueUpdates> {
    return this.dueUpdates.forPerson(actor.id, new Date());
  }
}
