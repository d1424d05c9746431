import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ROLES, type GroupRoleMapping, type Role, type UpdateSsoSettingsRequest } from '@liftoff/shared';
import { IsOmittable } from '../../common/validators';

export class GroupRoleMappingDto implements GroupRoleMapping {
  @ApiProperty({ description: 'A group name exactly as the identity provider sends it', example: 'ai-program-office' })
  @IsString()
  @Length(1, 200)
  group: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export class UpdateSsoSettingsDto implements UpdateSsoSettingsRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ type: [GroupRoleMappingDto], description: 'Replaces the whole table' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GroupRoleMappingDto)
  mappings?: GroupRoleMappingDto[];

  @ApiPropertyOptional({ description: 'False: only the break-glass account signs in with a password' })
  @IsOmittable()
  @IsBoolean()
  passwordSignIn?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf((_o: object, value: unknown) => value !== undefined && value !== null)
  @IsUUID()
  breakGlassPersonId?: string | null;
}
