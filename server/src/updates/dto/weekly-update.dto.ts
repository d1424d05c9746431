import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import {
  BLOCKER_CATEGORIES,
  HEALTHS,
  type BlockerCategory,
  type CreateWeeklyUpdateRequest,
  type EditWeeklyUpdateRequest,
  type Health,
  type KpiReadingInput,
  type ReportedBlockerInput,
  type ResolvedBlockerInput,
  type UpdateListQuery,
} from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';
import { IsIsoWeek } from '../../common/validators';
import { MAX_KPI_VALUE } from '../../kpis/dto/kpi.dto';

export class KpiReadingDto implements KpiReadingInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  kpiId: string;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_KPI_VALUE)
  @Max(MAX_KPI_VALUE)
  value: number;
}

/** An open blocker this update reports as resolved. */
export class ResolvedBlockerDto implements ResolvedBlockerInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  blockerId: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'How it was resolved' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** Either `blockerId` (carry an existing blocker forward) or `text` (a new or reworded one). */
export class ReportedBlockerDto implements ReportedBlockerInput {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  blockerId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  text?: string;

  @ApiPropertyOptional({ enum: BLOCKER_CATEGORIES })
  @IsOptional()
  @IsIn(BLOCKER_CATEGORIES)
  category?: BlockerCategory;
}

/** Fields of an update that can be set when posting and changed when editing. */
class UpdateFieldsDto {
  @ApiProperty({ enum: HEALTHS })
  @IsIn(HEALTHS)
  health: Health;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  confidence: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  activeUsers: number;

  @ApiProperty({ minimum: 0, description: 'Active users who are not on the pilot team' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  activeUsersOutsideTeam: number;

  @ApiProperty({ description: 'Leadership asked "when will this scale?"' })
  @IsBoolean()
  scaleQuestionAsked: boolean;

  @ApiProperty({ description: 'People or budget were moved away from the pilot' })
  @IsBoolean()
  resourcesRedirected: boolean;

  @ApiPropertyOptional({ description: 'A different user group or workflow would fit better', default: false })
  @IsOptional()
  @IsBoolean()
  pivotSuggested?: boolean;

  @ApiPropertyOptional({ type: [KpiReadingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KpiReadingDto)
  kpiReadings?: KpiReadingDto[];

  @ApiPropertyOptional({ type: [ReportedBlockerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReportedBlockerDto)
  blockers?: ReportedBlockerDto[];

  @ApiPropertyOptional({ type: [ResolvedBlockerDto], description: 'Open blockers resolved this week, resolved in the same transaction' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResolvedBlockerDto)
  resolvedBlockers?: ResolvedBlockerDto[];
}

export class CreateWeeklyUpdateDto extends UpdateFieldsDto implements CreateWeeklyUpdateRequest {
  @ApiProperty({ example: '2026-W48' })
  @IsIsoWeek()
  week: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the signed-in person; only the program office may name someone else' })
  @IsOptional()
  @IsUUID()
  authorId?: string;
}

/** Every field optional; lists given replace the update's readings or reported blockers. */
export class EditWeeklyUpdateDto extends PartialType(UpdateFieldsDto) implements EditWeeklyUpdateRequest {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class UpdateListQueryDto extends PageQueryDto implements UpdateListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ example: '2026-W01' })
  @IsOptional()
  @IsIsoWeek()
  fromWeek?: string;

  @ApiPropertyOptional({ example: '2026-W48' })
  @IsOptional()
  @IsIsoWeek()
  toWeek?: string;
}
