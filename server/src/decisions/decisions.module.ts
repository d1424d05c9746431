import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module';
import { SettingsModule } from '../settings/settings.module';
import { SignalsModule } from '../signals/signals.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { OutcomesService } from './outcomes.service';
import { ScaleQueueService } from './scale-queue.service';

@Module({
  imports: [PilotsModule, SignalsModule, SettingsModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, ScaleQueueService, OutcomesService],
  exports: [ScaleQueueService],
})
export class DecisionsModule {}
