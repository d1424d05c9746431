import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, IsNotEmpty, Min } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type UpdateNotificationSettingsRequest, type WebhookEventType } from '@liftoff/shared';
import { IsTimeZoneName } from '../../common/validators';

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiProperty({ description: 'IANA time zone, e.g. Pacific/Auckland; reminders and digests follow it', example: 'Europe/Berlin' })
  @IsTimeZoneName()
  timeZone: string;

  @ApiProperty({ description: 'The event types to receive by email; every other type is turned off', enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `each value in emailEvents must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  emailEvents: WebhookEventType[];

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The token from the unsubscribe link of an email' })
  @IsString()
  @IsNotEmpty()
  token: string;
}
