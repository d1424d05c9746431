import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_KINDS, DELIVERY_STATUSES, type DeliveryKind, type DeliveryListQuery, type DeliveryStatus } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

export class DeliveryListQueryDto extends PageQueryDto implements DeliveryListQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_KINDS })
  @IsOptional()
  @IsIn(DELIVERY_KINDS)
  kind?: DeliveryKind;
}
