import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  COMPLEXITIES,
  HEALTHS,
  PATTERNS,
  PILOT_SORT_FIELDS,
  SORT_ORDERS,
  STAGES,
  type ChangeStageRequest,
  type Complexity,
  type Health,
  type Pattern,
  type PilotListQuery,
  type PilotSortField,
  type SortOrder,
  type Stage,
} from '@liftoff/shared';
import { PagedPortfolioFilterDto } from '../../portfolio/dto/portfolio-filter.dto';
import { IsCalendarDate, IsIsoWeek, queryBoolean, queryNumber } from '../../common/validators';

export class PilotListQueryDto extends PagedPortfolioFilterDto implements PilotListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive match on the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: PATTERNS, description: 'Pilots whose current diagnosis contains this pattern' })
  @IsOptional()
  @IsIn(PATTERNS)
  pattern?: Pattern;

  @ApiPropertyOptional({ example: '2026-07-01', description: 'Pilots that started strictly before this day' })
  @IsOptional()
  @IsCalendarDate()
  startedBefore?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Pilots that started strictly after this day' })
  @IsOptional()
  @IsCalendarDate()
  startedAfter?: string;

  @ApiPropertyOptional({ enum: COMPLEXITIES })
  @IsOptional()
  @IsIn(COMPLEXITIES)
  complexity?: Complexity;

  @ApiPropertyOptional({ description: 'true: only pilots still underway (proposed, piloting, scaling or paused)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  underway?: boolean;

  @ApiPropertyOptional({ minimum: 0, example: 3, description: 'Pilots at least this many months (days since start / 30.44) into their pilot' })
  @IsOptional()
  @Transform(queryNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  monthsInPilotMin?: number;

  @ApiPropertyOptional({ minimum: 0, example: 6, description: 'Pilots less than this many months into their pilot; above monthsInPilotMin' })
  @IsOptional()
  @Transform(queryNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  monthsInPilotMax?: number;

  @ApiPropertyOptional({ enum: HEALTHS, description: 'Pilots whose update for healthWeek, or latest update without healthWeek, reported this health' })
  @IsOptional()
  @IsIn(HEALTHS)
  health?: Health;

  @ApiPropertyOptional({ example: '2026-W40', description: 'ISO week whose update health looks at; needs health' })
  @IsOptional()
  @IsIsoWeek()
  healthWeek?: string;

  @ApiPropertyOptional({ enum: PILOT_SORT_FIELDS, default: 'name', description: 'Pilots without a value (no update, no diagnosis) come last in either order' })
  @IsOptional()
  @IsIn(PILOT_SORT_FIELDS)
  sort?: PilotSortField;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export class ChangeStageDto implements ChangeStageRequest {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage: Stage;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}
