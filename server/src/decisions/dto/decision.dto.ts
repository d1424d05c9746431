import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DECISION_KINDS, type DecisionKind, type DecisionListQuery, type RecordDecisionRequest, type ScaleQueueQuery } from '@liftoff/shared';
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
}

export class ScaleQueueQueryDto implements ScaleQueueQuery {
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
