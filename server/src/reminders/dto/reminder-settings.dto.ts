import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { REMINDER_GRACE_DAYS_MAX, type UpdateReminderSettingsRequest } from '@liftoff/shared';
import { IsOmittable } from '../../common/validators';

export class UpdateReminderSettingsDto implements UpdateReminderSettingsRequest {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'False: no reminders or escalations are sent' })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 7, description: 'ISO weekday of the lead reminder in each lead\'s time zone: 1 Monday … 7 Sunday' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Hour of that day in the lead\'s time zone' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: REMINDER_GRACE_DAYS_MAX, description: 'Days after the lead reminder before the sponsor is told' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(REMINDER_GRACE_DAYS_MAX)
  sponsorGraceDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: REMINDER_GRACE_DAYS_MAX, description: 'Days after the sponsor\'s deadline before the program office is told' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(REMINDER_GRACE_DAYS_MAX)
  officeGraceDays?: number;
}
