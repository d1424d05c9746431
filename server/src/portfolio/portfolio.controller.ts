import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { PortfolioOverview } from '@liftoff/shared';
import { AnyRole } from '../auth/access.decorators';
import { PortfolioFilterDto } from './dto/portfolio-filter.dto';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @AnyRole()
  @Get('overview')
  @ApiOperation({ summary: 'The portfolio overview: counts, value and health by stage and business unit' })
  @ApiResult('PortfolioOverview')
  overview(@Query() filter: PortfolioFilterDto): Promise<PortfolioOverview> {
    return this.portfolio.overview(filter);
  }
}
