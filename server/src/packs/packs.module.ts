import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { PacksController } from './packs.controller';
import { PacksService } from './packs.service';
import { PackSnapshotService } from './pack-snapshot.service';

@Module({
  imports: [PortfolioModule, DecisionsModule],
  controllers: [PacksController],
  providers: [PacksService, PackSnapshotService],
})
export class PacksModule {}
