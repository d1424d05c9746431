import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  COMPLEXITIES,
  STAGES,
  USE_CASE_CATEGORIES,
  type Complexity,
  type CreatePilotRequest,
  type Stage,
  type UpdatePilotRequest,
  type UseCaseCategory,
} from '@liftoff/shared';
import { HasAtMostDecimals, IsCalendarDate, IsOmittable, IsPastMoment } from '../../common/validators';

const MAX_MONEY = 999_999_999_999;

/** Fields a pilot can be created with and later edited; stage moves go through their own endpoint. */
class PilotFieldsDto {
  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Executive sponsor; null means none' })
  @IsOptional()
  @IsUUID()
  sponsorId?: string | null;

  @ApiPropertyOptional({ type: String, example: '2027-03-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  targetProductionDate?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['CRM', 'data warehouse'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(80, { each: true })
  integrationSystems?: string[];

  @ApiPropertyOptional({ minimum: 0 })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(MAX_MONEY)
  annualValueAtScale?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(MAX_MONEY)
  costToDate?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(MAX_MONEY)
  costToScale?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  pivotedFromId?: string | null;
}

export class CreatePilotDto extends PilotFieldsDto implements CreatePilotRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  businessUnitId: string;

  @ApiProperty({ enum: USE_CASE_CATEGORIES })
  @IsIn(USE_CASE_CATEGORIES)
  useCaseCategory: UseCaseCategory;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leadId: string;

  @ApiPropertyOptional({ enum: STAGES, default: 'proposed' })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ example: '2026-06-15', description: 'When it entered its current stage, if before today (backdates the stage clock)' })
  @IsOptional()
  @IsPastMoment()
  stageEnteredAt?: string;

  @ApiProperty({ example: '2026-09-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ enum: COMPLEXITIES, description: 'best 2-3, typical 4-6, complex 6-12 months to production' })
  @IsIn(COMPLEXITIES)
  complexity: Complexity;
}

export class UpdatePilotDto
  extends PartialType(OmitType(CreatePilotDto, ['stage'] as const))
  implements UpdatePilotRequest
{
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}
