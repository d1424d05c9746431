import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Min } from 'class-validator';
import type { SignalThresholds, UpdateAnalysisSettingsRequest } from '@liftoff/shared';

export class UpdateAnalysisSettingsDto implements UpdateAnalysisSettingsRequest {
  @ApiProperty({ description: 'Thresholds to change; keys left out keep their value', type: Object })
  @IsObject()
  thresholds: Partial<SignalThresholds>;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}
