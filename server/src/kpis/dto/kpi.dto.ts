import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TargetInKpiDirection, WithinKpiBounds } from '../../common/validators';
import { KPI_DIRECTIONS, type CreateKpiRequest, type KpiDirection, type UpdateKpiRequest } from '@liftoff/shared';

/** KPI values are stored as NUMERIC(18,4): anything beyond 14 integer digits would not fit. */
export const MAX_KPI_VALUE = 99_999_999_999_999;

export class CreateKpiDto implements CreateKpiRequest {
  @ApiProperty({ maxLength: 160 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name: string;

  @ApiProperty({ maxLength: 40, example: 'minutes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Where the process stood before the pilot' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_KPI_VALUE)
  @Max(MAX_KPI_VALUE)
  @WithinKpiBounds()
  baseline?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The value that would justify scaling' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_KPI_VALUE)
  @Max(MAX_KPI_VALUE)
  @TargetInKpiDirection()
  @WithinKpiBounds()
  target?: number | null;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  @IsIn(KPI_DIRECTIONS)
  direction: KpiDirection;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Lowest possible reading (0 for a count or a duration)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_KPI_VALUE)
  @Max(MAX_KPI_VALUE)
  minValue?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Highest possible reading (100 for a percentage)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_KPI_VALUE)
  @Max(MAX_KPI_VALUE)
  @WithinKpiBounds()
  maxValue?: number | null;
}

export class UpdateKpiDto extends PartialType(CreateKpiDto) implements UpdateKpiRequest {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}
