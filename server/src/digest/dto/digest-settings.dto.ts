import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { WEEKDAYS, type UpdateDigestSettingsRequest, type Weekday } from '@liftoff/shared';
import { IsOmittable } from '../../common/validators';

export class UpdateDigestSettingsDto implements UpdateDigestSettingsRequest {
  @ApiProperty({ description: 'The version you read: an edit on a stale copy is refused (409)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'False: no digest goes out until it is switched on again' })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: WEEKDAYS, description: 'ISO weekday, 1 (Monday) to 7 (Sunday), on each recipient’s own calendar' })
  @IsOmittable()
  @IsIn(WEEKDAYS)
  weekday?: Weekday;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Hour of the day on each recipient’s own clock' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;
}
