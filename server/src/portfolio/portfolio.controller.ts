import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  overview(@Query() filter: PortfolioFilterDto): Promise<PortfolioOverview> {
    return this.portfolio.overview(filter);
  }
}
