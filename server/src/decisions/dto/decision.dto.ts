import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  DECISION_KINDS,
  QUARTER_FORMAT,
  STAGES,
  type DecisionKind,
  type DecisionListQuery,
  type DecisionOutcomesQuery,
  type RecordDecisionRequest,
  type ScaleQueueQuery,
  type Stage,
} from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';

export class PivotDetailsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class RecordDecisionDto implements RecordDecisionRequest {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @ApiProperty({ maxLength: 4000, description: 'Why: required for every decision' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  rationale: string;

  @ApiPropertyOptional({ example: '2027-01-15', description: 'Required for scale and continue' })
  @IsOptional()
  @IsCalendarDate()
  nextReviewDate?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supersedesId?: string;

  @ApiPropertyOptional({ type: PivotDetailsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PivotDetailsDto)
  pivot?: PivotDetailsDto;
}

export class DecisionListQueryDto extends PageQueryDto implements DecisionListQuery {
  @ApiPropertyOptional({ enum: DECISION_KINDS })
  @IsOptional()
  @IsIn(DECISION_KINDS)
  kind?: DecisionKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  decidedById?: string;

  @ApiPropertyOptional({ example: '2026-Q3', description: 'Decisions taken in this calendar quarter' })
  @IsOptional()
  @IsString()
  @Matches(QUARTER_FORMAT, { message: '$property must be a quarter like 2026-Q3' })
  quarter?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Decisions on pilots this person sponsors' })
  @IsOptional()
  @IsUUID()
  sponsorId?: string;

  @ApiPropertyOptional({ enum: STAGES, description: 'Decisions on pilots now in this stage' })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;
}

export class DecisionOutcomesQueryDto implements DecisionOutcomesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;
}

export class ScaleQueueQueryDto extends PageQueryDto implements ScaleQueueQuery {
  @ApiPropertyOptional({ description: 'Only pilots I sponsor' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;
}
