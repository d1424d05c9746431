import { Module } from '@nestjs/common';
import { BlockersModule } from '../blockers/blockers.module';
import { SignalsModule } from '../signals/signals.module';
import { UpdatesController } from './updates.controller';
import { UpdatesService } from './updates.service';

@Module({ imports: [BlockersModule, SignalsModule], controllers: [UpdatesController], providers: [UpdatesService], exports: [UpdatesService] })
export class UpdatesModule {}
