import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type AcceptAccountLinkRequest, type AccountLinkRequest, type ChangePasswordRequest, type CreateApiTokenRequest, type LoginRequest } from '@liftoff/shared';
import { IsAcceptablePassword } from '../password-policy';

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'Not one of the most common passwords' })
  @IsAcceptablePassword()
  newPassword: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ maxLength: 120, example: 'Weekly import script' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;
}

export class AccountLinkDto implements AccountLinkRequest {
  @ApiProperty({ description: 'The token from the invite or reset link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class AcceptAccountLinkDto extends AccountLinkDto implements AcceptAccountLinkRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'Not one of the most common passwords' })
  @IsAcceptablePassword()
  password: string;
}
