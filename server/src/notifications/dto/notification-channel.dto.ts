import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import {
  CHANNEL_KINDS,
  CHANNEL_NAME_MAX,
  CHANNEL_URL_MAX,
  isChannelUrl,
  WEBHOOK_EVENT_TYPES,
  type ChannelKindConfigured,
  type CreateNotificationChannelRequest,
  type EditNotificationChannelRequest,
  type WebhookEventType,
} from '@liftoff/shared';
import { IsOmittable } from '../../common/validators';

/** An http or https URL with a host (the rule the client applies too). */
function IsChannelUrl(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isChannelUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an http:// or https:// address', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isChannelUrl(value) },
    });
}

export class CreateNotificationChannelDto implements CreateNotificationChannelRequest {
  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind: ChannelKindConfigured;

  @ApiProperty({ maxLength: CHANNEL_NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CHANNEL_NAME_MAX)
  name: string;

  @ApiProperty({ maxLength: CHANNEL_URL_MAX, description: 'The incoming webhook address (http or https)' })
  @IsString()
  @MaxLength(CHANNEL_URL_MAX)
  @IsChannelUrl()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, description: 'The events the channel receives (at least one)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: WebhookEventType[];

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class EditNotificationChannelDto implements EditNotificationChannelRequest {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: CHANNEL_NAME_MAX })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CHANNEL_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ maxLength: CHANNEL_URL_MAX, description: 'Only when the address changes' })
  @IsOmittable()
  @IsString()
  @MaxLength(CHANNEL_URL_MAX)
  @IsChannelUrl()
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateSecretDto {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}
