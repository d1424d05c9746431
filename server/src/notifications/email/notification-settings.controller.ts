import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationSettings } from '@liftoff/shared';
import { AnyRole } from '../../auth/access.decorators';
import { CurrentActor, type Actor } from '../../auth/actor';
import { ApiResult } from '../../openapi/api-result';
import { NotificationPreferencesService } from './notification-preferences.service';
import { UpdateNotificationSettingsDto } from './notification-settings.dto';

/** Each person's own notification settings (never anyone else's). */
@ApiTags('account')
@Controller('account/notifications')
export class NotificationSettingsController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Your notification settings: which events reach you by email, and your time zone' })
  @ApiResult('NotificationSettings')
  get(@CurrentActor() actor: Actor): Promise<NotificationSettings> {
    return this.preferences.get(actor);
  }

  @AnyRole()
  @Put()
  @ApiOperation({ summary: 'Save your notification settings and time zone' })
  @ApiResult('NotificationSettings')
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    return this.preferences.update(actor, dto);
  }
}
