import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { AssessmentsController } from '../assessments/assessments.controller';
import { AssessmentsService } from '../assessments/assessments.service';
import { AnalysisService } from './analysis.service';
import { AnalysisListener } from './analysis.listener';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';
import { SweepScheduler } from './sweep.scheduler';

/** Stuck detection: flags, readiness assessments, diagnosis, the sweep. */
@Module({
  imports: [SettingsModule],
  controllers: [SignalsController, AssessmentsController],
  providers: [AnalysisService, AnalysisListener, SignalsService, AssessmentsService, SweepScheduler],
  exports: [AnalysisService, SignalsService],
})
export class SignalsModule {}
