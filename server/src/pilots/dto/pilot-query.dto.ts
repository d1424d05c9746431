import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { STAGES, type ChangeStageRequest, type PilotListQuery, type Stage } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

export const PILOT_SORT_FIELDS = ['name', 'stage', 'startDate', 'stageEnteredAt', 'updatedAt', 'createdAt'] as const;
export type PilotSortField = (typeof PILOT_SORT_FIELDS)[number];

export class PilotListQueryDto extends PageQueryDto implements PilotListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sponsorId?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive match on the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: PILOT_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(PILOT_SORT_FIELDS)
  sort?: PilotSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
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
