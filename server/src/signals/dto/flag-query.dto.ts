import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FLAG_STATUSES, PATTERNS, SIGNAL_KINDS, STAGES, type FlagListQuery, type FlagStatus, type Pattern, type SignalKind, type Stage } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

export class FlagListQueryDto extends PageQueryDto implements FlagListQuery {
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
  businessUnitId?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ enum: PATTERNS, description: 'Flags of pilots whose current diagnosis contains this pattern' })
  @IsOptional()
  @IsIn(PATTERNS)
  pattern?: Pattern;

  @ApiPropertyOptional({ format: 'uuid', description: 'Flags of pilots this person sponsors' })
  @IsOptional()
  @IsUUID()
  sponsorId?: string;
}
