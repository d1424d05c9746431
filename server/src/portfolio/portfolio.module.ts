import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PortfolioController } from './portfolio.controller';
import { PortfolioService } from './portfolio.service';

@Module({ imports: [SettingsModule], controllers: [PortfolioController], providers: [PortfolioService], exports: [PortfolioService] })
export class PortfolioModule {}
