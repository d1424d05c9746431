import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_STATUSES,
  type BlockerCategory,
  type BlockerListQuery,
  type BlockerMatchQuery,
  type BlockerStatus,
  type MergeBlockersRequest,
  type SplitBlockerRequest,
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

export class BlockerMatchQueryDto implements BlockerMatchQuery {
  @ApiProperty({ maxLength: 500, description: 'The blocker as the lead is typing it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  text: string;
}

export class MergeBlockersDto implements MergeBlockersRequest {
  @ApiProperty({ format: 'uuid', description: 'The blocker of the same pilot that absorbs this one' })
  @IsUUID()
  intoId: string;

  @ApiProperty({ description: 'The version of this blocker you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'The version of the absorbing blocker you read' })
  @IsInt()
  @Min(1)
  intoVersion: number;
}

export class SplitBlockerDto implements SplitBlockerRequest {
  @ApiProperty({ format: 'uuid', description: 'The update whose mention becomes a new blocker' })
  @IsUUID()
  updateId: string;

  @ApiProperty({ description: 'The version of this blocker you read' })
  @IsInt()
  @Min(1)
  version: number;
}
