import { Module } from '@nestjs/common';
import { BlockersModule } from '../blockers/blockers.module';
import { UpdatesController } from './updates.controller';
import { UpdatesService } from './updates.service';

@Module({ imports: [BlockersModule], controllers: [UpdatesController], providers: [UpdatesService], exports: [UpdatesService] })
export class UpdatesModule {}
