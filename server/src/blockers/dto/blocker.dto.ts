import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_STATUSES,
  type BlockerCategory,
  type BlockerListQuery,
  type BlockerStatus,
  type ResolveBlockerRequest,
} from '@liftoff/shared';
import { PagedPortfolioFilterDto } from '../../portfolio/dto/portfolio-filter.dto';

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

export class ReopenBlockerDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class BlockerListQueryDto {
  @ApiPropertyOptional({ enum: BLOCKER_STATUSES })
  @IsOptional()
  @IsIn(BLOCKER_STATUSES)
  status?: BlockerStatus;
}

/** The portfolio-wide list: every pilot's blockers, paged. */
export class PortfolioBlockerQueryDto extends PagedPortfolioFilterDto implements BlockerListQuery {
  @ApiPropertyOptional({ enum: BLOCKER_CATEGORIES })
  @IsOptional()
  @IsIn(BLOCKER_CATEGORIES)
  category?: BlockerCategory;

  @ApiPropertyOptional({ enum: BLOCKER_STATUSES })
  @IsOptional()
  @IsIn(BLOCKER_STATUSES)
  status?: BlockerStatus;
}
