import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { CreatePackRequest } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

export class CreatePackDto implements CreatePackRequest {
  @ApiProperty({ maxLength: 200, example: 'Steering committee, March' })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: '$property must not be blank' })
  title: string;
}

export class PackListQueryDto extends PageQueryDto {}
