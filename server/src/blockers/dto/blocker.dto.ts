import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_STATUSES,
  STAGES,
  type BlockerCategory,
  type BlockerListQuery,
  type BlockerStatus,
  type ResolveBlockerRequest,
  type Stage,
} from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

export class ResolveBlockerDto implements ResolveBlockerRequest {
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

export class BlockerListQueryDto {
  @ApiPropertyOptional({ enum: BLOCKER_STATUSES })
  @IsOptional()
  @IsIn(BLOCKER_STATUSES)
  status?: BlockerStatus;
}

/** The portfolio-wide list: every pilot's blockers, paged. */
export class PortfolioBlockerQueryDto extends PageQueryDto implements BlockerListQuery {
  @ApiPropertyOptional({ enum: BLOCKER_CATEGORIES })
  @IsOptional()
  @IsIn(BLOCKER_CATEGORIES)
  category?: BlockerCategory;

  @ApiPropertyOptional({ enum: BLOCKER_STATUSES })
  @IsOptional()
  @IsIn(BLOCKER_STATUSES)
  status?: BlockerStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ enum: STAGES, description: "The pilot's current stage" })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ format: 'uuid', description: "The pilot's sponsor" })
  @IsOptional()
  @IsUUID()
  sponsorId?: string;
}
