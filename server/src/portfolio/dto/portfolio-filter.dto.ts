import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { STAGES, type PortfolioFilter, type Stage } from '@liftoff/shared';
import { PageQueryDto } from '../../common/pagination';

/** Unit, stage and sponsor: how the overview is filtered, and every list its charts lead to. */
export class PortfolioFilterDto implements PortfolioFilter {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sponsorId?: string;
}

/** A page of a list filtered the way the overview is. */
export class PagedPortfolioFilterDto extends IntersectionType(PageQueryDto, PortfolioFilterDto) {}
