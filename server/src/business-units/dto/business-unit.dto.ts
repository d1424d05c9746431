import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validators';
import type { CreateBusinessUnitRequest, UpdateBusinessUnitRequest } from '@liftoff/shared';

export class CreateBusinessUnitDto implements CreateBusinessUnitRequest {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

export class UpdateBusinessUnitDto implements UpdateBusinessUnitRequest {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}
