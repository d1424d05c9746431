import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import type { ChangePasswordRequest, CreateApiTokenRequest, LoginRequest } from '@liftoff/shared';

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ maxLength: 120, example: 'Weekly import script' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}
