import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BlockersModule } from '../blockers/blockers.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { PilotsModule } from '../pilots/pilots.module';
import { SignalsModule } from '../signals/signals.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ListExportsController } from './list-exports.controller';
import { ListExportsService } from './list-exports.service';

/**
 * Downloads: the portfolio in the import's file layout (ExportsService) and each list as it is shown,
 * flags, blockers, decisions, scale queue and audit trail (ListExportsService).
 */
@Module({
  imports: [PilotsModule, SignalsModule, BlockersModule, DecisionsModule, AuditModule],
  controllers: [ExportsController, ListExportsController],
  providers: [ExportsService, ListExportsService],
})
export class ExportsModule {}
