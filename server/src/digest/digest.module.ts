import { Module } from '@nestjs/common';
import { DigestController, DigestSettingsController } from './digest.controller';
import { DigestService } from './digest.service';
import { DigestSettingsService } from './digest-settings.service';
import { DigestScheduler } from './digest.scheduler';

/** The weekly portfolio digest: its settings, its composition, its preview and the hourly run. */
@Module({
  controllers: [DigestSettingsController, DigestController],
  providers: [DigestService, DigestSettingsService, DigestScheduler],
  exports: [DigestService],
})
export class DigestModule {}
