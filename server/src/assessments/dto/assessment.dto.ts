import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { READINESS_ANSWERS, type CreateAssessmentRequest, type ReadinessAnswer } from '@liftoff/shared';

export class AnswerDto {
  @ApiProperty({ enum: READINESS_ANSWERS })
  @IsIn(READINESS_ANSWERS)
  answer: ReadinessAnswer;

  @ApiPropertyOptional({ type: String, maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string | null;
}

/** One answer per readiness test; every test must be answered (`unknown` is an answer). */
export class AnswersDto {
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) executive_sponsorship: AnswerDto;
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) integration_readiness: AnswerDto;
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) adoption_readiness: AnswerDto;
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) workflow_redesign: AnswerDto;
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) measurement: AnswerDto;
  @ApiProperty({ type: AnswerDto }) @IsObject() @ValidateNested() @Type(() => AnswerDto) use_case_viability: AnswerDto;
}

export class CreateAssessmentDto implements CreateAssessmentRequest {
  @ApiProperty({ type: AnswersDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AnswersDto)
  answers: AnswersDto;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  assessedById?: string | null;
}
