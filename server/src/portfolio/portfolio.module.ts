import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';
import { WeeklyHealthCounts } from './weekly-health-counts';

@Module({
  imports: [SettingsModule],
  controllers: [PortfolioController],
  providers: [PortfolioService, WeeklyHealthCounts],
  exports: [PortfolioService, WeeklyHealthCounts],
})
export class PortfolioModule {}
