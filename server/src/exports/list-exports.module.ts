import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BlockersModule } from '../blockers/blockers.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { SignalsModule } from '../signals/signals.module';
import { ListExportsController } from './list-exports.controller';
import { ListExportsService } from './list-exports.service';

/** Downloads of the lists as they are shown (flags, blockers, decisions, scale queue, audit trail). */
@Module({ imports: [SignalsModule, BlockersModule, DecisionsModule, AuditModule], controllers: [ListExportsController], providers: [ListExportsService] })
export class ListExportsModule {}
