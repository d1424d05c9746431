import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { DEFAULT_TIME_ZONE, ROLES, type CreatePersonRequest, type PersonListQuery, type Role, type UpdatePersonRequest } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';
import { IsTimeZoneName } from '../../common/validators';

const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreatePersonDto implements CreatePersonRequest {
  @ApiProperty({ maxLength: 160 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name: string;

  @ApiProperty({ format: 'email' })
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string | null;

  @ApiPropertyOptional({ description: 'IANA time zone, e.g. Pacific/Auckland; reminders follow it', example: 'Europe/Berlin', default: DEFAULT_TIME_ZONE })
  @IsOptional()
  @IsTimeZoneName()
  timeZone?: string;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto) implements UpdatePersonRequest {
  @ApiProperty({ description: 'The version you read; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class PersonListQueryDto extends PageQueryDto implements PersonListQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ description: 'true: only people who can be picked (not deactivated); false: only deactivated; unset: everyone' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
