import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { BLOCKER_STATUSES, type BlockerStatus, type ResolveBlockerRequest } from '@liftoff/shared';

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
