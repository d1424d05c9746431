import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FLAG_STATUSES, PATTERNS, SIGNAL_KINDS, type FlagListQuery, type FlagStatus, type Pattern, type SignalKind } from '@liftoff/shared';
import { PagedPortfolioFilterDto } from '../../portfolio/dto/portfolio-filter.dto';

export class FlagListQueryDto extends PagedPortfolioFilterDto implements FlagListQuery {
  @ApiPropertyOptional({ enum: [...FLAG_STATUSES, 'all'], default: 'open' })
  @IsOptional()
  @IsIn([...FLAG_STATUSES, 'all'])
  status?: FlagStatus | 'all';

  @ApiPropertyOptional({ enum: SIGNAL_KINDS })
  @IsOptional()
  @IsIn(SIGNAL_KINDS)
  kind?: SignalKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ enum: PATTERNS, description: 'Flags of pilots whose current diagnosis contains this pattern' })
  @IsOptional()
  @IsIn(PATTERNS)
  pattern?: Pattern;
}
